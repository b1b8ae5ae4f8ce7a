package io.emostream.rollups;

import io.emostream.scoring.ConfigReader;
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
public record GroupWindowConfig(Duration size, Duration advance, Duration grace) {

  public static final String SIZE = "rollups.group-window.size";
  public static final String ADVANCE = "rollups.group-window.advance";
  public static final String GRACE = "rollups.group-window.grace";

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
    ConfigReader read = new ConfigReader(settings);
    Duration day = Duration.ofDays(1);
    return new GroupWindowConfig(
        read.durationIn(SIZE, Duration.ofMinutes(5), Duration.ofSeconds(1), day),
        read.durationIn(ADVANCE, Duration.ofMinutes(1), Duration.ofSeconds(1), day),
        read.durationIn(GRACE, Duration.ofSeconds(30), Duration.ZERO, day));
  }
}
