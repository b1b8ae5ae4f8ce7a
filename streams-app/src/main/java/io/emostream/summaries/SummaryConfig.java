package io.emostream.summaries;

import io.emostream.scoring.ConfigReader;
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
public record SummaryConfig(int startUtterances, int endUtterances, int peaks, Duration endedRetention) {

  public static final String START_UTTERANCES = "summaries.start-utterances";
  public static final String END_UTTERANCES = "summaries.end-utterances";
  public static final String PEAKS = "summaries.peaks";
  public static final String ENDED_CALL_RETENTION = "summaries.ended-call-retention";

  public static final SummaryConfig DEFAULT = from(Map.of());

  public SummaryConfig {
    Objects.requireNonNull(endedRetention, "endedRetention");
  }

  /** Reads the settings above from {@code settings}, defaulting what is unset. */
  public static SummaryConfig from(Map<String, ?> settings) {
    ConfigReader read = new ConfigReader(settings);
    return new SummaryConfig(
        read.intIn(START_UTTERANCES, 3, 1, 100),
        read.intIn(END_UTTERANCES, 3, 1, 100),
        read.intIn(PEAKS, 3, 0, 100),
        read.durationIn(ENDED_CALL_RETENTION, Duration.ofHours(1), Duration.ZERO, Duration.ofDays(7)));
  }
}
