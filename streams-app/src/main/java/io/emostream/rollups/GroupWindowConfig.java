package io.emostream.rollups;

import io.emostream.common.FeatureApi;
import io.emostream.config.EmostreamSettings;
import io.emostream.config.RollupKeys;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Hopping windows of the per-agent and per-queue statistics.
 *
 * @param size    window length ({@code rollups.group-window.size}, default 5 min)
 * @param advance hop between window starts, at most the size
 *                ({@code rollups.group-window.advance}, default 1 min)
 * @param grace   how late an utterance may arrive and still count; a window is emitted once
 *                stream time passes its end plus this ({@code rollups.group-window.grace},
 *                default 30 s)
 */
@FeatureApi
public record GroupWindowConfig(Duration size, Duration advance, Duration grace) {

  public static final String SIZE = RollupKeys.WINDOW_SIZE_CONFIG;
  public static final String ADVANCE = RollupKeys.WINDOW_ADVANCE_CONFIG;
  public static final String GRACE = RollupKeys.WINDOW_GRACE_CONFIG;

  public static final GroupWindowConfig DEFAULT = from(Map.of());

  public GroupWindowConfig {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(advance, "advance");
    Objects.requireNonNull(grace, "grace");
    if (advance.isZero() || advance.compareTo(size) > 0) {
      throw new IllegalArgumentException(ADVANCE + " is " + advance.toMillis() + " ms but must be"
          + " above 0 and at most " + SIZE + " (" + size.toMillis() + " ms)");
    }
  }

  /** Reads the settings above from {@code settings}, defaulting what is unset. */
  public static GroupWindowConfig from(Map<String, ?> settings) {
    return from(EmostreamSettings.of(settings));
  }

  /** The view over {@code settings}. */
  public static GroupWindowConfig from(EmostreamSettings settings) {
    return new GroupWindowConfig(settings.getDuration(SIZE), settings.getDuration(ADVANCE),
        settings.getDuration(GRACE));
  }

}
