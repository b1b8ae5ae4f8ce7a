package io.emostream.scoring;

import io.emostream.alerts.AlertRuleSet;
import io.emostream.config.EmostreamSettings;
import io.emostream.rollups.GroupWindowConfig;
import io.emostream.rollups.RollupConfig;
import io.emostream.summaries.SummaryConfig;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the scoring, rollup, alert and summary processors, parsed once at start.
 *
 * @param scoring   {@code inference.*} and {@code output.include-text}
 * @param rollups   {@code rollups.*} per call and role
 * @param windows   {@code rollups.group-window.*} per agent and queue
 * @param alerts    {@code alerts.*} with tenant and queue overrides
 * @param summaries {@code summaries.*}
 */
public record EmotionSettings(
    ScoringConfig scoring,
    RollupConfig rollups,
    GroupWindowConfig windows,
    AlertRuleSet alerts,
    SummaryConfig summaries) {

  public EmotionSettings {
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(rollups, "rollups");
    Objects.requireNonNull(windows, "windows");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(summaries, "summaries");
  }

  /** Parses all of the above from {@code settings}; unrelated keys are ignored. */
  public static EmotionSettings from(Map<String, ?> settings) {
    return from(EmostreamSettings.of(settings));
  }

  /** The views over {@code settings}. */
  public static EmotionSettings from(EmostreamSettings settings) {
    return new EmotionSettings(ScoringConfig.from(settings), RollupConfig.from(settings),
        GroupWindowConfig.from(settings), AlertRuleSet.from(settings), SummaryConfig.from(settings));
  }
}
