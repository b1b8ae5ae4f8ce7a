package io.emostream.bench;

import java.util.Locale;

/** How the benchmark publishes its input. */
public enum Pace {
  /** Each record when a live call would produce it: the steady-state latency of a real deployment. */
  REALTIME,
  /** Everything at once, as fast as the producer goes: the pipeline's saturated throughput. */
  FAST;

  /** Parses {@code realtime} or {@code fast} (any case); the error names the bad value and the choices. */
  public static Pace parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--pace '" + value + "' is not valid: use realtime or fast", e);
    }
  }
}
