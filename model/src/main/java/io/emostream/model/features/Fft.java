package io.emostream.model.features;

/**
 * In-place iterative radix-2 Cooley–Tukey FFT over split real/imaginary arrays.
 *
 * <p>Twiddle factors and the bit-reversal permutation are computed once per size, so one
 * instance serves every frame of every utterance. Immutable after construction and therefore
 * safe to share between threads.
 */
final class Fft {

  private final int size;
  private final int[] bitReversed;
  private final double[] cos;
  private final double[] sin;

  Fft(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two, got " + size);
    }
    this.size = size;
    int bits = Integer.numberOfTrailingZeros(size);
    bitReversed = new int[size];
    for (int i = 0; i < size; i++) {
      bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
    }
    cos = new double[size / 2];
    sin = new double[size / 2];
    for (int k = 0; k < size / 2; k++) {
      double angle = -2 * Math.PI * k / size;
      cos[k] = Math.cos(angle);
      sin[k] = Math.sin(angle);
    }
  }

  int size() {
    return size;
  }

  /** Transforms {@code re + i*im} in place (forward transform, no scaling). */
  void transform(double[] re, double[] im) {
    for (int i = 0; i < size; i++) {
      int j = bitReversed[i];
      if (j > i) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= size; len <<= 1) {
      int half = len >> 1;
      int step = size / len;
      for (int start = 0; start < size; start += len) {
        for (int k = 0; k < half; k++) {
          double wr = cos[k * step];
          double wi = sin[k * step];
          int a = start + k;
          int b = a + half;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }
}
