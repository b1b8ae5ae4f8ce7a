package io.emostream.summaries;

import io.emostream.scoring.ConfigReader;
import java.util.Map;

/**
 * What a call summary measures.
 *
 * @param startUtterances customer utterances averaged for the start-of-call valence
 *                        ({@code summaries.start-utterances}, default 3)
 * @param endUtterances   customer utterances averaged for the end-of-call valence
 *                        ({@code summaries.end-utterances}, default 3)
 * @param peaks           most negative moments listed ({@code summaries.peaks}, default 3)
 */
public record SummaryConfig(int startUtterances, int endUtterances, int peaks) {

  public static final String START_UTTERANCES = "summaries.start-utterances";
  public static final String END_UTTERANCES = "summaries.end-utterances";
  public static final String PEAKS = "summaries.peaks";

  public static final SummaryConfig DEFAULT = from(Map.of());

  /** Reads the settings above from {@code settings}, defaulting what is unset. */
  public static SummaryConfig from(Map<String, ?> settings) {
    ConfigReader read = new ConfigReader(settings);
    return new SummaryConfig(
        read.intIn(START_UTTERANCES, 3, 1, 100),
        read.intIn(END_UTTERANCES, 3, 1, 100),
        read.intIn(PEAKS, 3, 0, 100));
  }
}
