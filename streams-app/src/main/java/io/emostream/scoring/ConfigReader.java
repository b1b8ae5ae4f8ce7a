package io.emostream.scoring;

import io.emostream.config.Durations;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Typed, validated reads from a flat {@code Map<String, ?>} of settings, shared by the
 * scoring, rollup, alert and summary configs.
 *
 * <p>Values may be given as their Java type or as strings (a properties file). Durations
 * accept {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, ISO-8601 ({@code PT10S}) or a
 * bare number of milliseconds. Every error names the key, the bad value and the allowed
 * range, so a user can fix the file without reading code.
 */
public final class ConfigReader {

  private final Map<String, ?> values;

  /** Reads from {@code values}; the map is not copied and must not be null. */
  public ConfigReader(Map<String, ?> values) {
    this.values = Objects.requireNonNull(values, "values");
  }

  /** True when {@code key} is set (to anything but null). */
  public boolean has(String key) {
    return values.get(key) != null;
  }

  /** An int in [{@code min}, {@code max}], or {@code fallback} when unset. */
  public int intIn(String key, int fallback, int min, int max) {
    Object raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    long value;
    try {
      value = raw instanceof Number n ? n.longValue() : Long.parseLong(raw.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, raw, "a whole number in [" + min + ", " + max + "]");
    }
    if (value < min || value > max) {
      throw invalid(key, raw, "a whole number in [" + min + ", " + max + "]");
    }
    return (int) value;
  }

  /** A double in [{@code min}, {@code max}], or {@code fallback} when unset. */
  public double doubleIn(String key, double fallback, double min, double max) {
    Object raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    double value;
    try {
      value = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, raw, "a number in [" + min + ", " + max + "]");
    }
    if (Double.isNaN(value) || value < min || value > max) {
      throw invalid(key, raw, "a number in [" + min + ", " + max + "]");
    }
    return value;
  }

  /** A duration in [{@code min}, {@code max}], or {@code fallback} when unset. */
  public Duration durationIn(String key, Duration fallback, Duration min, Duration max) {
    Object raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    String allowed = "a duration in [" + min.toMillis() + " ms, " + max.toMillis()
        + " ms], e.g. 250ms, 10s, 5m or PT10S";
    Duration value;
    try {
      value = raw instanceof Duration d ? d : Durations.parse(key, raw.toString());
    } catch (IllegalArgumentException e) {
      throw invalid(key, raw, allowed);
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(key, raw, allowed);
    }
    return value;
  }

  /** One of {@code type}'s constants, matched case-insensitively (dashes as underscores). */
  public <E extends Enum<E>> E enumOf(String key, E fallback, Class<E> type) {
    Object raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    String name = raw.toString().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    StringBuilder allowed = new StringBuilder("one of");
    for (E constant : type.getEnumConstants()) {
      allowed.append(' ').append(constant.name().toLowerCase(Locale.ROOT));
    }
    throw invalid(key, raw, allowed.toString());
  }

  private static IllegalArgumentException invalid(String key, Object raw, String allowed) {
    return new IllegalArgumentException(
        "Setting " + key + " is '" + raw + "'; use " + allowed + ", or leave it unset for the default");
  }
}
