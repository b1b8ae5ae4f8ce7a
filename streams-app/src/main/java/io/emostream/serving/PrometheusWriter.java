package io.emostream.serving;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format 0.0.4: one {@code # HELP} and {@code # TYPE}
 * line per family, then its samples, with names and label names made valid and label values
 * escaped. Not thread-safe; one per scrape.
 */
final class PrometheusWriter {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Pattern INVALID_NAME = Pattern.compile("[^a-zA-Z0-9_:]");
  private static final Pattern INVALID_LABEL = Pattern.compile("[^a-zA-Z0-9_]");
  private static final Pattern REPEATED_UNDERSCORE = Pattern.compile("__+");

  private final StringBuilder out = new StringBuilder(64 * 1024);
  private final Set<String> families = new HashSet<>();
  private final Set<String> samples = new HashSet<>();

  /**
   * Starts a family; returns false (and writes nothing) when it was already written, in which
   * case the caller's samples join the family written before.
   *
   * @param type counter, gauge, histogram, summary or untyped
   */
  boolean family(String name, String type, String help) {
    if (!families.add(name)) {
      return false;
    }
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return true;
  }

  /**
   * One sample; a sample with the same name and labels as an earlier one is skipped, and so is
   * a NaN (no value yet), which dashboards and alert rules would otherwise have to filter.
   */
  void sample(String name, Map<String, String> labels, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    StringBuilder line = new StringBuilder(name);
    if (!labels.isEmpty()) {
      line.append('{');
      boolean first = true;
      for (Map.Entry<String, String> label : labels.entrySet()) {
        if (!first) {
          line.append(',');
        }
        first = false;
        line.append(labelName(label.getKey())).append("=\"").append(escapeValue(label.getValue())).append('"');
      }
      line.append('}');
    }
    if (samples.add(line.toString())) {
      out.append(line).append(' ').append(number(value)).append('\n');
    }
  }

  String text() {
    return out.toString();
  }

  /** {@code raw} as a metric name: invalid characters become {@code _}, lower case, no repeats. */
  static String metricName(String raw) {
    String name = REPEATED_UNDERSCORE.matcher(INVALID_NAME.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("_"))
        .replaceAll("_");
    return Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  static String labelName(String raw) {
    String name = REPEATED_UNDERSCORE.matcher(INVALID_LABEL.matcher(raw).replaceAll("_")).replaceAll("_");
    if (name.startsWith("__")) {
      name = name.substring(1);
    }
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String escapeValue(String value) {
    return (value == null ? "" : value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
