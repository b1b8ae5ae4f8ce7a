package io.emostream.topology;

import io.emostream.alerts.AlertRuleSet;
import io.emostream.assembly.AssemblyConfig;
import io.emostream.config.EmostreamSettings;
import io.emostream.rollups.GroupWindowConfig;
import io.emostream.rollups.RollupConfig;
import io.emostream.scoring.ScoringConfig;
import io.emostream.summaries.SummaryConfig;
import io.emostream.timeline.TimelineConfig;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of every feature of the topology, each parsed by the feature's own config class
 * once at start. This record only gathers them so the topology can hand each feature its own.
 *
 * @param assembly  {@code assembly.*} and validation limits
 * @param scoring   {@code inference.*} and {@code output.include-text}
 * @param rollups   {@code rollups.*} per call and role
 * @param windows   {@code rollups.group-window.*} per agent and queue
 * @param alerts    {@code alerts.*} with tenant and queue overrides
 * @param summaries {@code summaries.*}
 * @param timeline  what the call timeline keeps for the REST API
 */
public record FeatureSettings(
    AssemblyConfig assembly,
    ScoringConfig scoring,
    RollupConfig rollups,
    GroupWindowConfig windows,
    AlertRuleSet alerts,
    SummaryConfig summaries,
    TimelineConfig timeline) {

  public FeatureSettings {
    Objects.requireNonNull(assembly, "assembly");
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(rollups, "rollups");
    Objects.requireNonNull(windows, "windows");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(timeline, "timeline");
  }

  /** Parses all of the above from {@code settings}; unrelated keys are ignored. */
  public static FeatureSettings from(Map<String, ?> settings) {
    return from(EmostreamSettings.of(settings));
  }

  /** The features' views over {@code settings}. */
  public static FeatureSettings from(EmostreamSettings settings) {
    return new FeatureSettings(AssemblyConfig.from(settings), ScoringConfig.from(settings),
        RollupConfig.from(settings), GroupWindowConfig.from(settings), AlertRuleSet.from(settings),
        SummaryConfig.from(settings), TimelineConfig.from(settings));
  }
}
