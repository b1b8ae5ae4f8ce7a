package io.emostream.model.features;

/**
 * In-place iterative radix-2 Cooley–Tukey FFT over split real/imaginary arrays.
 *
 * <p>Twiddle factors and the bit-reversal permutation are computed once per size, so one
 * instance serves every frame of every utterance. Immutable after construction and therefore
 * safe to share between threads.
 *
 * <p>Why it is laid out as it is: the transform is most of the log-mel front end's CPU, and the
 * front end is a large share of the model's time per utterance on CPU. The first two stages have
 * only the twiddles 1 and -i and run as one radix-4 pass without multiplications; each later stage
 * reads its twiddles from its own contiguous table (no strided lookups); the permutation is a
 * precomputed list of swaps. The arithmetic of every butterfly is the textbook one, so results
 * equal a plain radix-2 transform's to within double rounding.
 */
final class Fft {

  private final int size;
  /** Pairs (i, j), i &lt; j, to swap for the bit-reversal permutation, flattened. */
  private final int[] swaps;
  /** Twiddles of stage s (block length 2^(s+1)), concatenated; stage s starts at {@link #stageOffset}[s]. */
  private final double[] cos;
  private final double[] sin;
  private final int[] stageOffset;

  Fft(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two, got " + size);
    }
    this.size = size;
    int bits = Integer.numberOfTrailingZeros(size);
    int[] pairs = new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      int j = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
      if (j > i) {
        pairs[count++] = i;
        pairs[count++] = j;
      }
    }
    swaps = java.util.Arrays.copyOf(pairs, count);
    stageOffset = new int[bits + 1];
    int total = 0;
    for (int len = 2, s = 0; len <= size; len <<= 1, s++) {
      stageOffset[s] = total;
      total += len / 2;
    }
    stageOffset[bits] = total;
    cos = new double[total];
    sin = new double[total];
    for (int len = 2, s = 0; len <= size; len <<= 1, s++) {
      for (int k = 0; k < len / 2; k++) {
        // the same angles as a single table of size/2 entries indexed by k * (size / len)
        double angle = -2 * Math.PI * ((long) k * (size / len)) / size;
        cos[stageOffset[s] + k] = Math.cos(angle);
        sin[stageOffset[s] + k] = Math.sin(angle);
      }
    }
  }

  int size() {
    return size;
  }

  /** Transforms {@code re + i*im} in place (forward transform, no scaling). */
  void transform(double[] re, double[] im) {
    for (int p = 0; p < swaps.length; p += 2) {
      int i = swaps[p];
      int j = swaps[p + 1];
      double t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
    int firstLen = 2;
    if (size >= 4) {
      firstTwoStages(re, im);
      firstLen = 8;
    }
    for (int len = firstLen, s = Integer.numberOfTrailingZeros(firstLen) - 1; len <= size; len <<= 1, s++) {
      int half = len >> 1;
      int offset = stageOffset[s];
      for (int start = 0; start < size; start += len) {
        for (int k = 0; k < half; k++) {
          double wr = cos[offset + k];
          double wi = sin[offset + k];
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

  /**
   * Stages of block length 2 (twiddle 1) and 4 (twiddles 1 and -i) over each group of four, in
   * the order and with the operations the radix-2 loop would use.
   */
  private void firstTwoStages(double[] re, double[] im) {
    for (int a = 0; a < size; a += 4) {
      // length-2 butterflies (a, a+1) and (a+2, a+3)
      double r0 = re[a] + re[a + 1];
      double i0 = im[a] + im[a + 1];
      double r1 = re[a] - re[a + 1];
      double i1 = im[a] - im[a + 1];
      double r2 = re[a + 2] + re[a + 3];
      double i2 = im[a + 2] + im[a + 3];
      double r3 = re[a + 2] - re[a + 3];
      double i3 = im[a + 2] - im[a + 3];
      // length-4: (0, 2) with twiddle 1, (1, 3) with twiddle -i: (r3 + i i3) * -i = i3 - i r3
      re[a] = r0 + r2;
      im[a] = i0 + i2;
      re[a + 2] = r0 - r2;
      im[a + 2] = i0 - i2;
      re[a + 1] = r1 + i3;
      im[a + 1] = i1 - r3;
      re[a + 3] = r1 - i3;
      im[a + 3] = i1 + r3;
    }
  }
}
