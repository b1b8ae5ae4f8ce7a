package io.emostream.timeline;

import io.emostream.common.FeatureApi;
import io.emostream.config.EmostreamSettings;
import io.emostream.config.SummaryKeys;
import java.time.Duration;
import java.util.Objects;

/**
 * What the call timeline keeps.
 *
 * @param maxEntries     utterances (and alerts) kept per call, at least 1
 * @param endedRetention how long an ended call's timeline and summary stay queryable
 *                       ({@code summaries.ended-call-retention}; zero forgets a call at CALL_ENDED)
 */
@FeatureApi
public record TimelineConfig(int maxEntries, Duration endedRetention) {

  /** Entries kept per list and call when not configured otherwise. */
  public static final int DEFAULT_MAX_ENTRIES = 100;

  public TimelineConfig {
    Objects.requireNonNull(endedRetention, "endedRetention");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
    }
  }

  /** The view over {@code settings}. */
  public static TimelineConfig from(EmostreamSettings settings) {
    return new TimelineConfig(DEFAULT_MAX_ENTRIES, settings.getDuration(SummaryKeys.ENDED_CALL_RETENTION_CONFIG));
  }
}
