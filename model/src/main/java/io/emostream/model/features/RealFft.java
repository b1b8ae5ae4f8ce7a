package io.emostream.model.features;

/**
 * Power spectrum of a real frame by one complex FFT of half its length, the standard packing of a
 * real sequence's even and odd samples into the real and imaginary parts: about half the work of
 * transforming the frame as a complex sequence with a zero imaginary part, and the same result to
 * within double rounding.
 *
 * <p>Why: the log-mel front end is most of the built-in model's CPU per utterance (a profile of the
 * batcher thread put 63 % of its samples in the full-length complex FFT). Immutable and
 * thread-safe; callers pass their own scratch arrays.
 */
final class RealFft {

  private final int size;
  private final int half;
  private final Fft fft;
  private final double[] cos;
  private final double[] sin;

  /** A transform of {@code size} real samples, a power of two of at least 2. */
  RealFft(int size) {
    if (Integer.bitCount(size) != 1 || size < 2) {
      throw new IllegalArgumentException("real FFT size must be a power of two of at least 2, got " + size);
    }
    this.size = size;
    this.half = size / 2;
    this.fft = new Fft(half);
    cos = new double[half + 1];
    sin = new double[half + 1];
    for (int k = 0; k <= half; k++) {
      double angle = -2 * Math.PI * k / size;
      cos[k] = Math.cos(angle);
      sin[k] = Math.sin(angle);
    }
  }

  int size() {
    return size;
  }

  /**
   * Writes {@code |X[k]|^2} for {@code k = 0 .. size/2} of the real frame {@code x} (length
   * {@code size}) into {@code power} (length {@code size/2 + 1}).
   *
   * @param re scratch of length {@code size/2}, overwritten
   * @param im scratch of length {@code size/2}, overwritten
   */
  void power(double[] x, double[] power, double[] re, double[] im) {
    power(x, power, re, im, half + 1);
  }

  /**
   * As {@link #power(double[], double[], double[], double[])}, but only bins {@code 0 ..
   * bins - 1} are written (the rest of {@code power} is left as it was): a telephone-band
   * filterbank reads less than half of a 16 kHz spectrum.
   */
  void power(double[] x, double[] power, double[] re, double[] im, int bins) {
    for (int m = 0; m < half; m++) {
      re[m] = x[2 * m];
      im[m] = x[2 * m + 1];
    }
    fft.transform(re, im);
    int last = Math.min(bins - 1, half);
    for (int k = 0; k <= last; k++) {
      int a = k == half ? 0 : k;
      int b = k == 0 ? 0 : half - k;
      double zr = re[a];
      double zi = im[a];
      double cr = re[b];
      double ci = im[b];
      // even part E = (Z[k] + conj(Z[M-k])) / 2, odd part O = (Z[k] - conj(Z[M-k])) / 2i
      double er = 0.5 * (zr + cr);
      double ei = 0.5 * (zi - ci);
      double or = 0.5 * (zi + ci);
      double oi = -0.5 * (zr - cr);
      // X[k] = E + W^k O with W = exp(-2 pi i / size)
      double xr = er + cos[k] * or - sin[k] * oi;
      double xi = ei + cos[k] * oi + sin[k] * or;
      power[k] = xr * xr + xi * xi;
    }
  }
}
