package io.emostream.model.audio;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rational-ratio sample-rate converter: a polyphase windowed-sinc (Kaiser) low-pass
 * interpolator, so that down-sampling removes content above the new Nyquist frequency
 * instead of folding it back (as sample dropping would) and up-sampling does not image.
 *
 * <p>The pass band reaches {@value #ROLLOFF} of the lower Nyquist frequency; each phase's
 * taps are normalised to unit DC gain so levels are preserved exactly. Instances are
 * immutable and thread-safe; {@link #forRates} caches one per rate pair because the
 * 11.025/22.05/44.1 kHz ratios need several hundred phases.
 *
 * <p>Each call converts one block on its own, holding the edge samples beyond its ends;
 * the block edges therefore differ from a continuous conversion by at most the filter's
 * half length ({@value #ZERO_CROSSINGS} zero crossings, about 1–2 ms).
 */
public final class Resampler {

  static final double ROLLOFF = 0.92;
  static final int ZERO_CROSSINGS = 16;
  private static final double KAISER_BETA = 8.6;
  private static final Map<Long, Resampler> CACHE = new ConcurrentHashMap<>();

  private final int inRate;
  private final int outRate;
  private final int up;
  private final int down;
  private final int halfTaps;
  private final float[][] phases;

  private Resampler(int inRate, int outRate) {
    this.inRate = inRate;
    this.outRate = outRate;
    int g = gcd(inRate, outRate);
    this.up = outRate / g;
    this.down = inRate / g;
    double cutoffHz = ROLLOFF * Math.min(inRate, outRate) / 2.0;
    // half width of the filter in input samples: ZERO_CROSSINGS sinc lobes of the cutoff
    double halfWidthSeconds = ZERO_CROSSINGS / (2.0 * cutoffHz);
    this.halfTaps = (int) Math.ceil(halfWidthSeconds * inRate);
    this.phases = new float[up][2 * halfTaps];
    for (int p = 0; p < up; p++) {
      double frac = (double) p / up; // position of the output sample past input sample 0
      double sum = 0;
      double[] taps = new double[2 * halfTaps];
      for (int j = 0; j < 2 * halfTaps; j++) {
        int k = j - halfTaps + 1; // input sample offset from floor(position)
        double tau = (frac - k) / inRate; // seconds between output instant and input sample
        double x = tau / halfWidthSeconds;
        double h = Math.abs(x) >= 1 ? 0 : sinc(2 * cutoffHz * tau) * kaiser(x);
        taps[j] = h;
        sum += h;
      }
      for (int j = 0; j < taps.length; j++) {
        phases[p][j] = (float) (taps[j] / sum);
      }
    }
  }

  /**
   * Returns the (cached) converter between two rates.
   *
   * @throws IllegalArgumentException when a rate is not positive
   */
  public static Resampler forRates(int inRate, int outRate) {
    if (inRate <= 0 || outRate <= 0) {
      throw new IllegalArgumentException(
          "sample rates must be positive, got " + inRate + " -> " + outRate);
    }
    return CACHE.computeIfAbsent(((long) inRate << 32) | outRate, k -> new Resampler(inRate, outRate));
  }

  /** The rate every emostream model takes. */
  public static final int MODEL_RATE = 16_000;

  /** The converter from {@code inRate} to the models' 16 kHz. */
  public static Resampler to16k(int inRate) {
    return forRates(inRate, MODEL_RATE);
  }

  /** Number of output samples for {@code inputLength} input samples (floor of the ratio). */
  public int outputLength(int inputLength) {
    return (int) ((long) inputLength * up / down);
  }

  /**
   * Converts one block of samples in [-1, 1] (WAV files of any sample format); returns a new
   * array (the input itself when the rates are equal).
   */
  public float[] process(float[] in) {
    if (inRate == outRate || in.length == 0) {
      return in;
    }
    float[] out = new float[outputLength(in.length)];
    int last = in.length - 1;
    for (int i = 0; i < out.length; i++) {
      long pos = (long) i * down;
      float[] taps = phases[(int) (pos % up)];
      int first = (int) (pos / up) - halfTaps + 1;
      double acc = 0;
      for (int j = 0; j < taps.length; j++) {
        int idx = first + j;
        acc += taps[j] * in[idx < 0 ? 0 : (idx > last ? last : idx)];
      }
      out[i] = (float) acc;
    }
    return out;
  }

  /**
   * Converts one block; returns a new array (the input itself when the rates are equal).
   *
   * <p>Outputs whose taps all fall inside the block (all but the first and last
   * {@code halfTaps} or so) take a loop without edge clamping and with four partial sums, about
   * three times faster on the stream thread that cuts an utterance; the partial sums change the
   * double-precision sum only in its last bits, far below the rounding to 16 bits. Integer
   * up-sampling (8 kHz telephony to 16 kHz) takes {@link #upsampleInterior} instead.
   */
  public short[] process(short[] in) {
    if (inRate == outRate || in.length == 0) {
      return in;
    }
    int n = outputLength(in.length);
    short[] out = new short[n];
    // with down == 1, output m * up + p reads inputs m - halfTaps + 1 ... m + halfTaps
    int interiorFrom = halfTaps - 1;
    int interiorTo = in.length - 1 - halfTaps;
    if (down == 1 && interiorTo >= interiorFrom) {
      upsampleInterior(in, out, interiorFrom, interiorTo);
      convert(in, out, 0, interiorFrom * up);
      convert(in, out, (interiorTo + 1) * up, n);
    } else {
      convert(in, out, 0, n);
    }
    return out;
  }

  /** Outputs {@code from} (inclusive) to {@code to} (exclusive), one at a time in double precision. */
  private void convert(short[] in, short[] out, int from, int to) {
    int last = in.length - 1;
    int taps = 2 * halfTaps;
    for (int i = from; i < to; i++) {
      long pos = (long) i * down;
      int first = (int) (pos / up) - halfTaps + 1;
      float[] phase = phases[(int) (pos % up)];
      double acc = 0;
      if (first >= 0 && first + taps - 1 <= last) {
        // four independent sums: the adds no longer wait on each other (taps is even, usually a multiple of 4)
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        int j = 0;
        for (; j + 3 < taps; j += 4) {
          a0 += phase[j] * in[first + j];
          a1 += phase[j + 1] * in[first + j + 1];
          a2 += phase[j + 2] * in[first + j + 2];
          a3 += phase[j + 3] * in[first + j + 3];
        }
        for (; j < taps; j++) {
          a0 += phase[j] * in[first + j];
        }
        acc = (a0 + a1) + (a2 + a3);
      } else {
        for (int j = 0; j < taps; j++) {
          int idx = first + j;
          acc += phase[j] * in[idx < 0 ? 0 : (idx > last ? last : idx)];
        }
      }
      long rounded = Math.round(acc);
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }
  }

  /** Outputs per tile of {@link #upsampleInterior}: the accumulators stay in the L1 cache. */
  private static final int TILE = 1024;

  /**
   * The interior outputs of an integer up-sampling ({@code down == 1}), phase by phase and tap by
   * tap over tiles of consecutive outputs: the innermost loop is a multiply-add over two
   * contiguous float arrays, which the JIT turns into SIMD instructions. Telephony audio is
   * converted this way on the stream thread as each utterance is cut; the scalar loop took the
   * largest share of that thread's CPU. Float sums of the 2 × {@code halfTaps} products differ
   * from the double sums by far less than one 16-bit step, so a sample can change by one step at
   * most, where a sum lies within about 0.001 of a rounding boundary.
   */
  private void upsampleInterior(short[] in, short[] out, int from, int to) {
    float[] x = new float[in.length];
    for (int k = 0; k < in.length; k++) {
      x[k] = in[k];
    }
    int taps = 2 * halfTaps;
    float[] acc = new float[TILE];
    for (int p = 0; p < up; p++) {
      float[] phase = phases[p];
      for (int start = from; start <= to; start += TILE) {
        int len = Math.min(TILE, to - start + 1);
        Arrays.fill(acc, 0, len, 0f);
        int base = start - halfTaps + 1;
        int j = 0;
        for (; j + 3 < taps; j += 4) {
          // four taps per pass over the tile: a quarter of the accumulator loads and stores
          float c0 = phase[j];
          float c1 = phase[j + 1];
          float c2 = phase[j + 2];
          float c3 = phase[j + 3];
          int off = base + j;
          for (int k = 0; k < len; k++) {
            acc[k] += c0 * x[off + k] + c1 * x[off + k + 1] + c2 * x[off + k + 2] + c3 * x[off + k + 3];
          }
        }
        for (; j < taps; j++) {
          float c = phase[j];
          int off = base + j;
          for (int k = 0; k < len; k++) {
            acc[k] += c * x[off + k];
          }
        }
        for (int k = 0; k < len; k++) {
          int rounded = Math.round(acc[k]);
          out[(start + k) * up + p] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
        }
      }
    }
  }

  private static double sinc(double x) {
    if (Math.abs(x) < 1e-12) {
      return 1;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  private static double kaiser(double x) {
    return besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / besselI0(KAISER_BETA);
  }

  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double half = x / 2;
    for (int k = 1; k < 50; k++) {
      term *= (half / k) * (half / k);
      sum += term;
      if (term < 1e-12 * sum) {
        break;
      }
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
