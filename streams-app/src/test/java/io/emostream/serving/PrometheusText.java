package io.emostream.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict little parser of the Prometheus text format 0.0.4, for tests: every line must be a
 * HELP, TYPE, comment or sample line, every sample must belong to a declared family, and a
 * family is declared once. Throws {@link IllegalArgumentException} naming the bad line.
 */
record PrometheusText(Map<String, String> types, List<Sample> samples) {

  record Sample(String name, Map<String, String> labels, double value) {}

  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\",?");

  static PrometheusText parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = TYPE.matcher(line)).matches()) {
        if (types.put(m.group(1), m.group(2)) != null) {
          throw new IllegalArgumentException("line " + lineNo + ": family " + m.group(1) + " declared twice");
        }
      } else if (HELP.matcher(line).matches() || line.startsWith("# ")) {
        continue;
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String name = m.group(1);
        if (familyOf(name, types) == null) {
          throw new IllegalArgumentException("line " + lineNo + ": sample " + name + " before its # TYPE: " + line);
        }
        samples.add(new Sample(name, labels(m.group(3), lineNo, line), value(m.group(4), lineNo)));
      } else {
        throw new IllegalArgumentException("line " + lineNo + " is not Prometheus text: " + line);
      }
    }
    return new PrometheusText(types, samples);
  }

  private static String familyOf(String sample, Map<String, String> types) {
    if (types.containsKey(sample)) {
      return sample;
    }
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        if (types.containsKey(base)) {
          return base;
        }
      }
    }
    return null;
  }

  private static Map<String, String> labels(String raw, int lineNo, String line) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    Matcher m = LABEL.matcher(raw);
    int end = 0;
    while (m.find() && m.start() == end) {
      out.put(m.group(1), m.group(2));
      end = m.end();
    }
    if (end != raw.length()) {
      throw new IllegalArgumentException("line " + lineNo + " has malformed labels: " + line);
    }
    return out;
  }

  private static double value(String raw, int lineNo) {
    switch (raw) {
      case "+Inf": return Double.POSITIVE_INFINITY;
      case "-Inf": return Double.NEGATIVE_INFINITY;
      case "NaN": return Double.NaN;
      default:
        try {
          return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("line " + lineNo + ": " + raw + " is not a sample value");
        }
    }
  }

  /** Samples of the named series (exact name). */
  List<Sample> series(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The one sample of {@code name} with {@code labels} among its labels. */
  double value(String name, Map<String, String> labels) {
    return series(name).stream().filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + labels)).value();
  }
}
