package io.emostream.model.wav;

import io.emostream.model.audio.Resampler;

/**
 * Decoded WAV content, mixed down to mono.
 *
 * @param sampleRate  samples per second of {@code samples}
 * @param channels    channels in the file (averaged into {@code samples})
 * @param encoding    the file's sample encoding, e.g. {@code PCM_S16LE}, {@code MULAW}
 * @param samples     mono samples in [-1, 1]
 */
public record WavAudio(int sampleRate, int channels, String encoding, float[] samples) {

  /** Length in seconds. */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }

  /** The same audio at {@code rate} (this instance when already there). */
  public WavAudio resampledTo(int rate) {
    return rate == sampleRate ? this : new WavAudio(rate, channels, encoding,
        Resampler.forRates(sampleRate, rate).process(samples));
  }
}
