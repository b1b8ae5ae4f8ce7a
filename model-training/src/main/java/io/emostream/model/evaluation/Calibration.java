package io.emostream.model.evaluation;

import java.util.List;

/**
 * Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017) and the
 * expected calibration error. A temperature {@code T} divides the logits before the softmax: it
 * never changes which class wins, only how sure the model says it is. {@code T} is the value
 * that minimises the negative log-likelihood on a held-out split.
 */
public final class Calibration {

  /** Equal-width confidence bins of the expected calibration error. */
  public static final int BINS = 15;

  private Calibration() {}

  /**
   * One scored row: the model's logits (any additive offset) and the mask of classes that count
   * as right (one-hot for a class label; wider for a sentence known only by its valence).
   */
  public record Row(float[] logits, float[] correct) {}

  /** The temperature in [0.25, 10] with the lowest mean NLL over {@code rows} (golden-section on log T). */
  public static double fitTemperature(List<Row> rows) {
    double lo = Math.log(0.25);
    double hi = Math.log(10.0);
    double phi = (Math.sqrt(5) - 1) / 2;
    double a = hi - phi * (hi - lo);
    double b = lo + phi * (hi - lo);
    double fa = nll(rows, Math.exp(a));
    double fb = nll(rows, Math.exp(b));
    for (int i = 0; i < 60; i++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - phi * (hi - lo);
        fa = nll(rows, Math.exp(a));
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + phi * (hi - lo);
        fb = nll(rows, Math.exp(b));
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  /** Mean negative log of the probability mass inside each row's {@code correct} mask at {@code temperature}. */
  public static double nll(List<Row> rows, double temperature) {
    double sum = 0;
    for (Row r : rows) {
      double[] p = softmax(r.logits(), temperature);
      double mass = 0;
      for (int c = 0; c < p.length; c++) {
        mass += p[c] * r.correct()[c];
      }
      sum -= Math.log(Math.max(mass, 1e-12));
    }
    return rows.isEmpty() ? 0 : sum / rows.size();
  }

  /**
   * Expected calibration error at {@code temperature}: rows binned by the top probability, the
   * gap between mean confidence and accuracy (top class inside the mask) weighted by bin size.
   */
  public static double expectedCalibrationError(List<Row> rows, double temperature) {
    double[] confidence = new double[BINS];
    double[] hits = new double[BINS];
    int[] count = new int[BINS];
    for (Row r : rows) {
      double[] p = softmax(r.logits(), temperature);
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        if (p[c] > p[best]) {
          best = c;
        }
      }
      int bin = Math.min(BINS - 1, (int) (p[best] * BINS));
      confidence[bin] += p[best];
      hits[bin] += r.correct()[best] > 0 ? 1 : 0;
      count[bin]++;
    }
    double ece = 0;
    for (int k = 0; k < BINS; k++) {
      if (count[k] > 0) {
        ece += Math.abs(confidence[k] - hits[k]) / rows.size();
      }
    }
    return ece;
  }

  /** Softmax of {@code logits / temperature}. */
  public static double[] softmax(float[] logits, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l / temperature);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      p[c] = Math.exp(logits[c] / temperature - max);
      sum += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
