package io.emostream.summaries;

import io.emostream.common.FeatureApi;
import io.emostream.config.EmostreamSettings;
import io.emostream.config.SummaryKeys;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a call summary measures.
 *
 * @param startUtterances customer utterances averaged for the start-of-call valence
 *                        ({@code summaries.start-utterances}, default 3)
 * @param endUtterances   customer utterances averaged for the end-of-call valence
 *                        ({@code summaries.end-utterances}, default 3)
 * @param peaks           most negative moments listed ({@code summaries.peaks}, default 3)
 * @param endedRetention  how long an ended call's timeline and summary stay queryable through
 *                        {@code /api/calls/{id}} ({@code summaries.ended-call-retention}, default
 *                        1 h; 0 forgets a call as soon as it ends)
 */
@FeatureApi
public record SummaryConfig(int startUtterances, int endUtterances, int peaks, Duration endedRetention) {

  public static final String START_UTTERANCES = SummaryKeys.START_UTTERANCES_CONFIG;
  public static final String END_UTTERANCES = SummaryKeys.END_UTTERANCES_CONFIG;
  public static final String PEAKS = SummaryKeys.PEAKS_CONFIG;
  public static final String ENDED_CALL_RETENTION = SummaryKeys.ENDED_CALL_RETENTION_CONFIG;

  public static final SummaryConfig DEFAULT = from(Map.of());

  public SummaryConfig {
    Objects.requireNonNull(endedRetention, "endedRetention");
  }

  /** Reads the settings above from {@code settings}, defaulting what is unset. */
  public static SummaryConfig from(Map<String, ?> settings) {
    return from(EmostreamSettings.of(settings));
  }

  /** The view over {@code settings}. */
  public static SummaryConfig from(EmostreamSettings settings) {
    return new SummaryConfig(settings.getInt(START_UTTERANCES), settings.getInt(END_UTTERANCES),
        settings.getInt(PEAKS), settings.getDuration(ENDED_CALL_RETENTION));
  }

}
