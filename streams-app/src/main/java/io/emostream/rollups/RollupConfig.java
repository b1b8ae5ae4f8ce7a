package io.emostream.rollups;

import io.emostream.scoring.ConfigReader;
import java.util.Map;

/**
 * How per-call rollups smooth and summarise a speaker's recent utterances.
 *
 * @param ewmaAlpha       weight of the newest utterance in the EWMAs, in (0, 1]
 *                        ({@code rollups.ewma-alpha})
 * @param windowSize      recent utterances the window statistics cover
 *                        ({@code rollups.window-utterances})
 * @param trendThreshold  valence slope per utterance beyond which the trend is IMPROVING or
 *                        WORSENING rather than STABLE ({@code rollups.trend-threshold})
 */
public record RollupConfig(double ewmaAlpha, int windowSize, double trendThreshold) {

  public static final String EWMA_ALPHA = "rollups.ewma-alpha";
  public static final String WINDOW_UTTERANCES = "rollups.window-utterances";
  public static final String TREND_THRESHOLD = "rollups.trend-threshold";

  public static final RollupConfig DEFAULT = from(Map.of());

  public RollupConfig {
    if (!(ewmaAlpha > 0 && ewmaAlpha <= 1)) {
      throw new IllegalArgumentException(EWMA_ALPHA + " is " + ewmaAlpha + "; use a number in (0, 1]");
    }
    if (windowSize < 1) {
      throw new IllegalArgumentException(WINDOW_UTTERANCES + " is " + windowSize + "; use 1 or more");
    }
  }

  /** Reads the settings above from {@code settings}, defaulting what is unset. */
  public static RollupConfig from(Map<String, ?> settings) {
    ConfigReader read = new ConfigReader(settings);
    return new RollupConfig(
        read.doubleIn(EWMA_ALPHA, 0.3, 0.001, 1.0),
        read.intIn(WINDOW_UTTERANCES, 10, 1, 1000),
        read.doubleIn(TREND_THRESHOLD, 0.05, 0.0, 2.0));
  }
}
