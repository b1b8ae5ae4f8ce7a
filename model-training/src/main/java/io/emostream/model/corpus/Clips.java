package io.emostream.model.corpus;

import java.util.Arrays;
import java.util.Random;

/** Sample-level finishing of synthesised clips: trimming, padding and a line-noise floor. */
public final class Clips {

  private Clips() {}

  /**
   * {@code samples} without the leading and trailing silence espeak-ng leaves, keeping
   * {@code marginMs} around the speech. Silence is relative: below 2% of the clip's peak.
   */
  public static float[] trim(float[] samples, int sampleRate, int marginMs) {
    float peak = 0;
    for (float s : samples) {
      peak = Math.max(peak, Math.abs(s));
    }
    if (peak == 0) {
      return samples;
    }
    float threshold = 0.02f * peak;
    int first = 0;
    while (first < samples.length && Math.abs(samples[first]) < threshold) {
      first++;
    }
    int last = samples.length - 1;
    while (last > first && Math.abs(samples[last]) < threshold) {
      last--;
    }
    int margin = sampleRate * marginMs / 1000;
    return Arrays.copyOfRange(samples, Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin));
  }

  /** {@code samples} with {@code leadMs} and {@code tailMs} of silence around them. */
  public static float[] pad(float[] samples, int sampleRate, int leadMs, int tailMs) {
    int lead = sampleRate * leadMs / 1000;
    float[] out = new float[lead + samples.length + sampleRate * tailMs / 1000];
    System.arraycopy(samples, 0, out, lead, samples.length);
    return out;
  }

  /** Adds white noise at {@code dbfs} (RMS relative to full scale) in place, like a quiet phone line. */
  public static void addNoise(float[] samples, double dbfs, Random random) {
    double rms = Math.pow(10, dbfs / 20);
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) Math.max(-1, Math.min(1, samples[i] + rms * random.nextGaussian()));
    }
  }
}
