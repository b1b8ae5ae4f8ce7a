package io.emostream.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef.Validator;

/**
 * The validators of emostream's settings. Each accepts {@code null} (an optional key left unset),
 * fails with a message of the form {@code key 'value' is not valid: use ...}, and describes what
 * it allows in {@link Object#toString()}, which the configuration listing prints.
 */
public final class Validators {

  private Validators() {}

  /** A whole number in [{@code min}, {@code max}]. */
  public static Validator intIn(long min, long max) {
    return new Checked("a whole number in [" + min + ", " + max + "]", "", v -> {
      long n = ((Number) v).longValue();
      return n >= min && n <= max;
    });
  }

  /** A number in [{@code min}, {@code max}]. */
  public static Validator doubleIn(double min, double max) {
    return new Checked("a number in [" + min + ", " + max + "]", "", v -> {
      double d = ((Number) v).doubleValue();
      return !Double.isNaN(d) && d >= min && d <= max;
    });
  }

  /** A duration in {@link Durations}' syntax, in [{@code min}, {@code max}]. */
  public static Validator durationIn(Duration min, Duration max) {
    String allowed = "a duration in [" + Durations.format(min) + ", " + Durations.format(max) + "]";
    return new Checked(allowed, " such as 250ms, 10s, 5m or PT10S (a plain number is milliseconds)", v -> {
      Duration d = Durations.parse("", v.toString());
      return d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    });
  }

  /** One of {@code choices}, matched case-insensitively with {@code _} read as {@code -}. */
  public static Validator oneOf(String... choices) {
    List<String> allowed = List.of(choices);
    return new Checked("one of " + String.join(" ", allowed), "",
        v -> allowed.contains(normalise(v.toString())));
  }

  /** Anything {@code check} accepts; {@code allowed} says what that is. */
  public static Validator matching(String allowed, Function<String, Boolean> check) {
    return new Checked(allowed, "", v -> check.apply(v.toString()));
  }

  /** {@code value} as {@link #oneOf} compares it. */
  public static String normalise(String value) {
    return value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * A validator from a predicate, the words that describe what it allows, and a hint the error
   * message adds to them.
   */
  private record Checked(String allowed, String hint, Function<Object, Boolean> accepts) implements Validator {

    @Override
    public void ensureValid(String name, Object value) {
      if (value == null) {
        return;
      }
      boolean ok;
      try {
        ok = accepts.apply(value);
      } catch (RuntimeException e) {
        ok = false;
      }
      if (!ok) {
        throw new org.apache.kafka.common.config.ConfigException(
            name + " '" + value + "' is not valid: use " + allowed + hint + ", or leave it unset for the default");
      }
    }

    @Override
    public String toString() {
      return allowed;
    }
  }
}
