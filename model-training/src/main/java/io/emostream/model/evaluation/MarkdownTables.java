package io.emostream.model.evaluation;

import java.util.List;
import java.util.Locale;

/** Renders evaluation results as GitHub Markdown tables (the README and model card copy them). */
public final class MarkdownTables {

  private MarkdownTables() {}

  /** One row per view: WA, UA, macro-F1 and the number of utterances. */
  public static String summary(EvaluationReport report) {
    StringBuilder b = new StringBuilder();
    b.append("| inputs (").append(report.split()).append(") | WA | UA | macro-F1 | n |\n");
    b.append("|---|---:|---:|---:|---:|\n");
    for (View v : View.values()) {
      ConfusionMatrix m = report.views().get(v);
      if (m != null) {
        b.append("| ").append(v.title()).append(" | ").append(pct(m.weightedAccuracy())).append(" | ")
            .append(pct(m.unweightedAccuracy())).append(" | ").append(pct(m.macroF1())).append(" | ")
            .append(m.total()).append(" |\n");
      }
    }
    return b.toString();
  }

  /** Rows = true class, columns = predicted class, then recall and F1 per class. */
  public static String confusion(ConfusionMatrix m) {
    List<String> labels = m.labels();
    StringBuilder b = new StringBuilder("| true \\ predicted |");
    labels.forEach(l -> b.append(' ').append(l).append(" |"));
    b.append(" recall | F1 |\n|---|");
    labels.forEach(l -> b.append("---:|"));
    b.append("---:|---:|\n");
    List<ClassMetrics> perClass = m.perClass();
    for (int t = 0; t < labels.size(); t++) {
      b.append("| ").append(labels.get(t)).append(" |");
      for (int p = 0; p < labels.size(); p++) {
        b.append(' ').append(m.count(t, p)).append(" |");
      }
      b.append(' ').append(pct(perClass.get(t).recall())).append(" | ").append(pct(perClass.get(t).f1()))
          .append(" |\n");
    }
    return b.toString();
  }

  /** A fraction as a percentage with one decimal, e.g. {@code 61.3}. */
  public static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f", 100 * fraction);
  }
}
