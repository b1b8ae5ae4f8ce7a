package io.emostream.model.evaluation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Results of one evaluation: a confusion matrix per {@link View} that was run.
 *
 * @param split  the split evaluated, e.g. {@code test}
 * @param views  matrices by view (unmodifiable copy; views not run are absent)
 */
public record EvaluationReport(String split, Map<View, ConfusionMatrix> views) {

  public EvaluationReport {
    views = Map.copyOf(new EnumMap<>(views));
  }

  /** The matrix of {@code view}; fails naming the view when it was not run. */
  public ConfusionMatrix view(View view) {
    ConfusionMatrix m = views.get(view);
    if (m == null) {
      throw new IllegalArgumentException("view " + view.key() + " was not evaluated");
    }
    return m;
  }

  /**
   * Flat metrics for a bundle manifest: {@code <split>.<view>.{wa,ua,macro_f1,n}} plus per-class
   * recall and F1 ({@code <split>.<view>.recall.<label>}).
   */
  public Map<String, Double> toMetrics() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (View v : View.values()) {
      ConfusionMatrix m = views.get(v);
      if (m == null) {
        continue;
      }
      String p = split + "." + v.key() + ".";
      out.put(p + "wa", round(m.weightedAccuracy()));
      out.put(p + "ua", round(m.unweightedAccuracy()));
      out.put(p + "macro_f1", round(m.macroF1()));
      out.put(p + "n", (double) m.total());
      for (ClassMetrics c : m.perClass()) {
        out.put(p + "recall." + c.label(), round(c.recall()));
        out.put(p + "f1." + c.label(), round(c.f1()));
      }
    }
    return out;
  }

  /** Metrics rounded to 4 decimals, as tables print them (so manifest and table agree). */
  static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
  }
}
