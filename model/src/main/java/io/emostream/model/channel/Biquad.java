package io.emostream.model.channel;

/**
 * A 2nd-order IIR section (RBJ audio-EQ cookbook form, direct form I, double state). Butterworth
 * high- and low-pass sections of any even order are cascades of these with the Q values of
 * {@link #butterworthQs}.
 */
final class Biquad {

  private final double b0;
  private final double b1;
  private final double b2;
  private final double a1;
  private final double a2;

  private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
    this.b0 = b0 / a0;
    this.b1 = b1 / a0;
    this.b2 = b2 / a0;
    this.a1 = a1 / a0;
    this.a2 = a2 / a0;
  }

  static Biquad lowPass(double cornerHz, double q, int rate) {
    double w = 2 * Math.PI * cornerHz / rate;
    double alpha = Math.sin(w) / (2 * q);
    double cos = Math.cos(w);
    return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
  }

  static Biquad highPass(double cornerHz, double q, int rate) {
    double w = 2 * Math.PI * cornerHz / rate;
    double alpha = Math.sin(w) / (2 * q);
    double cos = Math.cos(w);
    return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
  }

  /** Q of each 2nd-order section of an even-order Butterworth filter. */
  static double[] butterworthQs(int order) {
    double[] qs = new double[order / 2];
    for (int k = 0; k < qs.length; k++) {
      qs[k] = 1 / (2 * Math.cos(Math.PI * (2 * k + 1) / (2.0 * order)));
    }
    return qs;
  }

  /** Filters {@code x} in place, starting from rest. */
  void apply(float[] x) {
    double x1 = 0;
    double x2 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < x.length; i++) {
      double in = x[i];
      double y = b0 * in + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = in;
      y2 = y1;
      y1 = y;
      x[i] = (float) y;
    }
  }
}
