package io.emostream.assembly;

import io.emostream.audio.AudioDecoder;
import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioEncoding;
import java.util.Objects;

/**
 * One audio chunk in the assembler's buffer, kept as received (encoded, at its own rate): a
 * 20 ms μ-law frame stays 160 bytes in the store and its changelog, and it is decoded and
 * resampled only once, as part of the whole utterance that needs it (see {@link AudioBuffer}).
 *
 * @param sequence       the chunk's sequence number in its channel
 * @param startMs        time of its first sample from the start of the call
 * @param receivedWallMs wall-clock time it was buffered (the VAD only cuts audio the ASR
 *                       has had {@code transcript-timeout} to transcribe)
 * @param timestamp      its record timestamp
 * @param encoding       how the payload is encoded
 * @param sampleRate     the payload's rate in Hz
 * @param payload        the samples as received (not null; treated as immutable)
 */
record BufferedChunk(long sequence, long startMs, long receivedWallMs, long timestamp, AudioEncoding encoding,
                     int sampleRate, byte[] payload) {

  BufferedChunk {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(payload, "payload");
  }

  /** Samples in the payload, at its own rate. */
  int sourceSamples() {
    return payload.length / AudioDecoder.bytesPerSample(encoding);
  }

  /** Index of its first sample on the channel's timeline at its own rate. */
  long sourceStart() {
    return sourceIndex(startMs, sampleRate);
  }

  /** Index of the first sample on the channel's 16 kHz timeline. */
  long startSample() {
    return startMs * Pcm16.SAMPLES_PER_MS;
  }

  /** Index one past the last sample on the channel's 16 kHz timeline. */
  long endSample() {
    return startSample() + (long) sourceSamples() * Pcm16.TARGET_RATE / sampleRate;
  }

  /** Time one past the last sample, rounded up to the millisecond. */
  long endMs() {
    return (endSample() + Pcm16.SAMPLES_PER_MS - 1) / Pcm16.SAMPLES_PER_MS;
  }

  /** Time one past the last sample, rounded down to the millisecond (whole ms it covers). */
  long endMsFloor() {
    return endSample() / Pcm16.SAMPLES_PER_MS;
  }

  /** The payload as linear samples at its own rate. */
  short[] linear() {
    return AudioDecoder.decodeLinear(payload, encoding);
  }

  /** Sample index at {@code rate} of the instant {@code ms}: the one mapping every chunk and utterance uses. */
  static long sourceIndex(long ms, int rate) {
    return Math.round(ms * (double) rate / 1000.0);
  }
}
