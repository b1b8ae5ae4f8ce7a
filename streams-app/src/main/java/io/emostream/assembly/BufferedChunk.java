package io.emostream.assembly;

import io.emostream.audio.Pcm16;
import java.util.Objects;

/**
 * One audio chunk in the assembler's buffer, already decoded to 16 kHz mono.
 *
 * @param sequence       the chunk's sequence number in its channel
 * @param startMs        time of its first sample from the start of the call
 * @param receivedWallMs wall-clock time it was buffered (the VAD only cuts audio the ASR
 *                       has had {@code transcript-timeout} to transcribe)
 * @param timestamp      its record timestamp
 * @param samples        16 kHz samples (not null; treated as immutable)
 */
record BufferedChunk(long sequence, long startMs, long receivedWallMs, long timestamp, short[] samples) {

  BufferedChunk {
    Objects.requireNonNull(samples, "samples");
  }

  /** Index of the first sample on the channel's 16 kHz timeline. */
  long startSample() {
    return startMs * Pcm16.SAMPLES_PER_MS;
  }

  /** Index one past the last sample on the channel's 16 kHz timeline. */
  long endSample() {
    return startSample() + samples.length;
  }

  /** Time one past the last sample, rounded up to the millisecond. */
  long endMs() {
    return (endSample() + Pcm16.SAMPLES_PER_MS - 1) / Pcm16.SAMPLES_PER_MS;
  }
}
