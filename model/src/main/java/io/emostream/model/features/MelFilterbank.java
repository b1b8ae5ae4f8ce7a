package io.emostream.model.features;

/**
 * Triangular filters equally spaced on the HTK mel scale ({@code 2595 * log10(1 + f / 700)}),
 * each with peak 1 at its centre frequency, over the FFT's {@code fftSize / 2 + 1} power bins.
 *
 * <p>Stored sparsely (first bin and weights per filter) because each filter touches only a
 * few dozen of the 257 bins. Immutable.
 */
public final class MelFilterbank {

  private final int[] firstBin;
  private final double[][] weights;
  private final double[] centreHz;

  MelFilterbank(FeatureConfig config) {
    int bins = config.melBins();
    int spectrum = config.fftSize() / 2 + 1;
    double melLow = hzToMel(config.fMin());
    double melHigh = hzToMel(config.fMax());
    double[] edges = new double[bins + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = melToHz(melLow + (melHigh - melLow) * i / (bins + 1));
    }
    firstBin = new int[bins];
    weights = new double[bins][];
    centreHz = new double[bins];
    double hzPerBin = (double) config.sampleRate() / config.fftSize();
    for (int m = 0; m < bins; m++) {
      double left = edges[m];
      double centre = edges[m + 1];
      double right = edges[m + 2];
      centreHz[m] = centre;
      int lo = (int) Math.ceil(left / hzPerBin);
      int hi = Math.min(spectrum - 1, (int) Math.floor(right / hzPerBin));
      double[] w = new double[Math.max(0, hi - lo + 1)];
      for (int k = lo; k <= hi; k++) {
        double f = k * hzPerBin;
        double rise = (f - left) / (centre - left);
        double fall = (right - f) / (right - centre);
        w[k - lo] = Math.max(0.0, Math.min(rise, fall));
      }
      firstBin[m] = lo;
      weights[m] = w;
    }
  }

  /** HTK mel of {@code hz}. */
  public static double hzToMel(double hz) {
    return 2595.0 * Math.log10(1.0 + hz / 700.0);
  }

  /** Inverse of {@link #hzToMel}. */
  public static double melToHz(double mel) {
    return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
  }

  /** One past the highest power bin any filter weighs: bins from here on need not be computed. */
  public int binsUsed() {
    int used = 0;
    for (int m = 0; m < weights.length; m++) {
      used = Math.max(used, firstBin[m] + weights[m].length);
    }
    return used;
  }

  /** Number of filters. */
  public int size() {
    return weights.length;
  }

  /** Centre frequency of filter {@code m} in Hz. */
  public double centreHz(int m) {
    return centreHz[m];
  }

  /** Weight of power bin {@code k} in filter {@code m}. */
  public double weight(int m, int k) {
    int i = k - firstBin[m];
    return i < 0 || i >= weights[m].length ? 0.0 : weights[m][i];
  }

  /** Mel energies of a power spectrum of {@code fftSize / 2 + 1} bins. */
  public double[] apply(double[] power) {
    double[] out = new double[weights.length];
    for (int m = 0; m < weights.length; m++) {
      double[] w = weights[m];
      int lo = firstBin[m];
      double sum = 0;
      for (int i = 0; i < w.length; i++) {
        sum += w[i] * power[lo + i];
      }
      out[m] = sum;
    }
    return out;
  }
}
