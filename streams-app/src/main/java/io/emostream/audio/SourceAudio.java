package io.emostream.audio;

import io.emostream.model.audio.Resampler;
import java.util.Arrays;
import java.util.Objects;

/**
 * An utterance's audio at the rate it arrived at, before the one resampling to 16 kHz: what the
 * scorer's pending store keeps instead of the 16 kHz samples when that is smaller (8 kHz
 * telephony: half the bytes). {@link #to16k} is the assembler's own conversion, so the audio a
 * restored entry is scored on is, sample for sample, the audio it was assembled with.
 *
 * @param sampleRate the source rate in Hz
 * @param samples    linear 16-bit samples at that rate (gaps already bridged); not copied
 * @param length16k  how many 16 kHz samples the utterance has (the resampler's output is cut or
 *                   zero-padded to it)
 */
public record SourceAudio(int sampleRate, short[] samples, int length16k) {

  public SourceAudio {
    Objects.requireNonNull(samples, "samples");
    if (sampleRate <= 0 || length16k < 0) {
      throw new IllegalArgumentException("source audio needs a positive rate and length, got " + sampleRate
          + " Hz, " + length16k + " samples at 16 kHz");
    }
  }

  /** The 16 kHz samples: resampled as one block, then cut or padded to {@link #length16k}. */
  public short[] to16k() {
    short[] resampled = Resampler.to16k(sampleRate).process(samples);
    return resampled.length == length16k ? resampled : Arrays.copyOf(resampled, length16k);
  }

  /** Whether keeping this instead of the 16 kHz samples saves bytes. */
  public boolean smallerThan16k() {
    return samples.length < length16k;
  }
}
