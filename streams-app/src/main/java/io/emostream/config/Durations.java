package io.emostream.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one duration syntax of emostream's settings: {@code 500ms}, {@code 5s}, {@code 2m},
 * {@code 1h}, ISO-8601 {@code PT5S}, or a plain number of milliseconds.
 */
public final class Durations {

  private Durations() {}

  /**
   * Parses {@code 500ms}, {@code 5s} (also {@code 1.5s}), {@code 2m}, {@code 1h}, ISO-8601
   * ({@code PT5S}) or a plain number of milliseconds.
   *
   * @param key the setting, named in the error
   * @throws IllegalArgumentException naming {@code key} and the accepted forms
   */
  public static Duration parse(String key, String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("p")) {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      }
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      }
      if (s.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
      }
      if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      }
      if (s.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      }
      return Duration.ofMillis(Long.parseLong(s));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be a duration such as 500ms, 5s, 2m or PT5S, got '"
          + text + "'", e);
    }
  }

  /** {@code d} in the shortest exact form {@link #parse} reads back: {@code 20ms}, {@code 5s}, {@code 10m}, {@code 1h}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms != 0 && ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
