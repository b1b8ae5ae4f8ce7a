package io.emostream.rollups;

import io.emostream.avro.EmotionLabel;
import io.emostream.avro.ScoredUtterance;
import io.emostream.common.FeatureApi;
import io.emostream.common.LabelMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rollup remembers about one role in one call: counts, EWMAs and the most recent
 * utterances (oldest first, at most the configured window). Immutable; stored as JSON.
 *
 * @param count        utterances seen
 * @param ewmaValence  EWMA of valence (meaningless while count is 0)
 * @param ewmaArousal  EWMA of arousal
 * @param ewmaNegative EWMA of ANGRY plus SAD probability
 * @param recent       the recent window, oldest first
 */
@FeatureApi
public record CallRollupState(
    long count, double ewmaValence, double ewmaArousal, double ewmaNegative, List<Recent> recent) {

  /** One utterance of the recent window. */
  public record Recent(String utteranceId, EmotionLabel label, double valence) {}

  public CallRollupState {
    recent = recent == null ? List.of() : List.copyOf(recent);
  }

  /** The state before any utterance. */
  public static CallRollupState empty() {
    return new CallRollupState(0, 0, 0, 0, List.of());
  }

  /** This state with {@code u} added; the first utterance seeds the EWMAs. */
  public CallRollupState plus(ScoredUtterance u, RollupConfig config) {
    double negative = LabelMapping.negativity(u.getProbabilities());
    double a = count == 0 ? 1.0 : config.ewmaAlpha();
    List<Recent> window = new ArrayList<>(recent);
    window.add(new Recent(u.getUtteranceId(), u.getLabel(), u.getValence()));
    while (window.size() > config.windowSize()) {
      window.remove(0);
    }
    return new CallRollupState(count + 1,
        ewma(a, u.getValence(), ewmaValence),
        ewma(a, u.getArousal(), ewmaArousal),
        ewma(a, negative, ewmaNegative),
        window);
  }

  private static double ewma(double alpha, double value, double previous) {
    return alpha * value + (1 - alpha) * previous;
  }

  /** Mean valence over the recent window (0 when empty). */
  public double windowMeanValence() {
    return recent.stream().mapToDouble(Recent::valence).average().orElse(0.0);
  }

  /** Share of the recent window labelled ANGRY or SAD. */
  public double windowNegativeShare() {
    if (recent.isEmpty()) {
      return 0.0;
    }
    return recent.stream().filter(r -> LabelMapping.isNegative(r.label())).count() / (double) recent.size();
  }

  /** Least-squares slope of valence per utterance over the recent window (0 under two points). */
  public double trendSlope() {
    int n = recent.size();
    if (n < 2) {
      return 0.0;
    }
    double meanX = (n - 1) / 2.0;
    double meanY = windowMeanValence();
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      num += (i - meanX) * (recent.get(i).valence() - meanY);
      den += (i - meanX) * (i - meanX);
    }
    return num / den;
  }
}
