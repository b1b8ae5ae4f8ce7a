package io.emostream.model.evaluation.real;

/**
 * How far the real-material figures can be trusted: the suite's sets are small (18 calm clips,
 * 200 to 1 000 sentences), so a bar missed or met by one clip or a dozen sentences says little
 * unless the report also says how wide the uncertainty is.
 */
public final class Uncertainty {

  /** The normal quantile of a two-sided 95 % interval. */
  private static final double Z95 = 1.959963984540054;

  private Uncertainty() {}

  /**
   * One view against another on the same items, item by item: {@code gains} are right only with
   * the first, {@code losses} right only with the second, of {@code n} items.
   */
  public record Paired(int gains, int losses, int n) {

    public Paired {
      if (gains < 0 || losses < 0 || gains + losses > n) {
        throw new IllegalArgumentException("gains " + gains + " and losses " + losses + " do not fit " + n + " items");
      }
    }

    /** Compares two per-item correctness lists of the same length. */
    public static Paired of(boolean[] first, boolean[] second) {
      if (first.length != second.length) {
        throw new IllegalArgumentException(first.length + " against " + second.length + " items: compare the same ones");
      }
      int gains = 0;
      int losses = 0;
      for (int i = 0; i < first.length; i++) {
        gains += first[i] && !second[i] ? 1 : 0;
        losses += !first[i] && second[i] ? 1 : 0;
      }
      return new Paired(gains, losses, first.length);
    }

    /**
     * Two-sided exact sign test (McNemar's test without the normal approximation) of "neither
     * view is better": the chance of a split at least this uneven among the items where they
     * differ if each difference were a coin toss.
     */
    public double p() {
      int m = gains + losses;
      int k = Math.min(gains, losses);
      double logHalf = m * Math.log(0.5);
      double logChoose = 0;
      double tail = 0;
      for (int i = 0; i <= k; i++) {
        if (i > 0) {
          logChoose += Math.log(m - i + 1) - Math.log(i);
        }
        tail += Math.exp(logChoose + logHalf);
      }
      return Math.min(1.0, 2 * tail);
    }
  }

  /** Wilson score interval (95 %) of a share of {@code k} in {@code n}: {lower, upper}. */
  public static double[] wilson(int k, int n) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException(k + " of " + n + " is not a share");
    }
    double share = (double) k / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = share + z2 / (2.0 * n);
    double half = Z95 * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n));
    return new double[] {Math.max(0, (centre - half) / denominator), Math.min(1, (centre + half) / denominator)};
  }
}
