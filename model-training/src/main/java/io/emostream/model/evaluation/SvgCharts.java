package io.emostream.model.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Small self-contained SVG charts (no plotting library): a confusion-matrix heat map and a
 * training curve. They open in any browser and render on GitHub.
 */
public final class SvgCharts {

  private static final String FONT = "font-family=\"sans-serif\"";

  private SvgCharts() {}

  /** Heat map of row-normalised counts (recall per cell) with the raw counts written in. */
  public static String confusionMatrix(ConfusionMatrix m, String title) {
    List<String> labels = m.labels();
    int n = labels.size();
    int cell = 70;
    int left = 90;
    int top = 60;
    int width = left + n * cell + 20;
    int height = top + n * cell + 50;
    StringBuilder s = header(width, height);
    text(s, width / 2.0, 22, 15, "middle", title);
    text(s, left + n * cell / 2.0, height - 12, 12, "middle", "predicted");
    s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" font-size=\"12\" %s text-anchor=\"middle\""
        + " transform=\"rotate(-90 16 %d)\">true</text>%n", top + n * cell / 2, FONT, top + n * cell / 2));
    for (int t = 0; t < n; t++) {
      long row = 0;
      for (int p = 0; p < n; p++) {
        row += m.count(t, p);
      }
      text(s, left - 6, top + t * cell + cell / 2.0 + 4, 12, "end", labels.get(t));
      for (int p = 0; p < n; p++) {
        double share = row == 0 ? 0 : (double) m.count(t, p) / row;
        int shade = (int) Math.round(255 - 200 * share);
        s.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,255)\" stroke=\"#fff\"/>%n",
            left + p * cell, top + t * cell, cell, cell, shade, shade));
        text(s, left + p * cell + cell / 2.0, top + t * cell + cell / 2.0 + 5, 13, "middle",
            m.count(t, p) + (share > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100 * share) : ""));
      }
    }
    for (int p = 0; p < n; p++) {
      text(s, left + p * cell + cell / 2.0, top + n * cell + 16, 12, "middle", labels.get(p));
    }
    return s.append("</svg>\n").toString();
  }

  /**
   * Training loss (left axis, from 0 to its maximum) and dev UA (right axis, 0 to 1) per epoch.
   */
  public static String trainingCurve(double[] trainLoss, double[] devUa, String title) {
    int width = 560;
    int height = 320;
    int left = 60;
    int right = 60;
    int top = 40;
    int bottom = 50;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    int epochs = Math.max(trainLoss.length, devUa.length);
    double maxLoss = 1e-9;
    for (double v : trainLoss) {
      maxLoss = Math.max(maxLoss, v);
    }
    StringBuilder s = header(width, height);
    text(s, width / 2.0, 22, 15, "middle", title);
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\""
        + " stroke=\"#999\"/>%n", left, top, plotW, plotH));
    for (int k = 0; k <= 4; k++) {
      double y = top + plotH - plotH * k / 4;
      text(s, left - 6, y + 4, 11, "end", String.format(Locale.ROOT, "%.2f", maxLoss * k / 4));
      text(s, width - right + 6, y + 4, 11, "start", String.format(Locale.ROOT, "%.2f", k / 4.0));
    }
    for (int e = 0; e < epochs; e++) {
      text(s, x(e, epochs, left, plotW), height - bottom + 16, 11, "middle", Integer.toString(e + 1));
    }
    text(s, left + plotW / 2, height - 10, 12, "middle", "epoch");
    text(s, 14, top - 10, 12, "start", "train loss");
    text(s, width - 14, top - 10, 12, "end", "dev UA");
    polyline(s, trainLoss, maxLoss, epochs, left, top, plotW, plotH, "#d62728");
    polyline(s, devUa, 1.0, epochs, left, top, plotW, plotH, "#1f77b4");
    return s.append("</svg>\n").toString();
  }

  private static double x(int e, int epochs, int left, double plotW) {
    return left + (epochs <= 1 ? plotW / 2 : plotW * e / (epochs - 1));
  }

  private static void polyline(StringBuilder s, double[] values, double max, int epochs, int left, int top,
      double plotW, double plotH, String colour) {
    StringBuilder points = new StringBuilder();
    for (int e = 0; e < values.length; e++) {
      double px = x(e, epochs, left, plotW);
      double py = top + plotH - plotH * Math.max(0, Math.min(1, values[e] / max));
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, colour));
    }
    s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
        points.toString().trim(), colour));
  }

  private static StringBuilder header(int width, int height) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n"
            + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height, width, height));
  }

  private static void text(StringBuilder s, double x, double y, int size, String anchor, String content) {
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" %s text-anchor=\"%s\">%s</text>%n",
        x, y, size, FONT, anchor, escape(content)));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
