package io.emostream.model.wav;

/**
 * Band-limited sample-rate conversion with a Hann-windowed sinc kernel.
 *
 * <p>Each output sample is the kernel-weighted sum of the input around its position in input
 * time. When going down in rate the kernel is widened by the rate ratio, so it also acts as the
 * anti-aliasing low-pass (a 48 kHz recording's content above 8 kHz must not fold into the
 * 16 kHz model input). Quality is ample for log-mel features; speed is a few ms per second of audio.
 */
public final class Resampler {

  /** Kernel half-width in zero crossings of the (possibly widened) sinc. */
  private static final int ZERO_CROSSINGS = 16;

  private Resampler() {}

  /** {@code input} at {@code fromRate} converted to {@code toRate}; the input itself when rates match. */
  public static float[] resample(float[] input, int fromRate, int toRate) {
    if (fromRate <= 0 || toRate <= 0) {
      throw new IllegalArgumentException("sample rates must be > 0, got " + fromRate + " -> " + toRate);
    }
    if (fromRate == toRate || input.length == 0) {
      return input;
    }
    double step = (double) fromRate / toRate;
    double cutoff = Math.min(1.0, (double) toRate / fromRate);
    double halfWidth = ZERO_CROSSINGS / cutoff;
    int outLength = (int) Math.floor(input.length / step);
    float[] out = new float[outLength];
    for (int n = 0; n < outLength; n++) {
      double centre = n * step;
      int first = Math.max(0, (int) Math.ceil(centre - halfWidth));
      int last = Math.min(input.length - 1, (int) Math.floor(centre + halfWidth));
      double sum = 0;
      double weights = 0;
      for (int k = first; k <= last; k++) {
        double t = k - centre;
        double w = cutoff * sinc(cutoff * t) * hann(t / halfWidth);
        sum += w * input[k];
        weights += w;
      }
      // normalising by the summed weights keeps DC gain exactly 1 near the edges too
      out[n] = (float) (weights == 0 ? 0 : sum / weights);
    }
    return out;
  }

  private static double sinc(double x) {
    if (Math.abs(x) < 1e-9) {
      return 1.0;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  /** Hann window over [-1, 1]. */
  private static double hann(double x) {
    return Math.abs(x) >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * x);
  }
}
