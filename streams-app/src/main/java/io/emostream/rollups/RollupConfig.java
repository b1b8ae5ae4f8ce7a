package io.emostream.rollups;

import io.emostream.common.FeatureApi;
import io.emostream.config.EmostreamSettings;
import io.emostream.config.RollupKeys;
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
@FeatureApi
public record RollupConfig(double ewmaAlpha, int windowSize, double trendThreshold) {

  public static final String EWMA_ALPHA = RollupKeys.EWMA_ALPHA_CONFIG;
  public static final String WINDOW_UTTERANCES = RollupKeys.WINDOW_UTTERANCES_CONFIG;
  public static final String TREND_THRESHOLD = RollupKeys.TREND_THRESHOLD_CONFIG;

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
    return from(EmostreamSettings.of(settings));
  }

  /** The view over {@code settings}. */
  public static RollupConfig from(EmostreamSettings settings) {
    return new RollupConfig(settings.getDouble(EWMA_ALPHA), settings.getInt(WINDOW_UTTERANCES),
        settings.getDouble(TREND_THRESHOLD));
  }
}
