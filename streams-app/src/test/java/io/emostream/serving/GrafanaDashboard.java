package io.emostream.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric families the ready Grafana dashboard ({@code docs/grafana}) queries. */
final class GrafanaDashboard {

  static final Path FILE = Path.of("..", "docs", "grafana", "emostream-dashboard.json");
  private static final Pattern METRIC = Pattern.compile("\\b(?:emostream|kafka_streams)_[a-z0-9_]+\\b");
  private static final Pattern SERIES_SUFFIX = Pattern.compile("_(?:bucket|sum|count)$");

  private GrafanaDashboard() {}

  /**
   * Every family named in a panel's query; a histogram's or summary's {@code _bucket}, {@code _sum}
   * and {@code _count} series count as their family when {@code families} has no such name.
   */
  static Set<String> families(Set<String> families) throws IOException {
    JsonNode dashboard = Http.JSON.readTree(Files.readString(FILE));
    Set<String> used = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher m = METRIC.matcher(target.path("expr").asText());
        while (m.find()) {
          String name = m.group();
          used.add(families.contains(name) ? name : SERIES_SUFFIX.matcher(name).replaceAll(""));
        }
      }
    }
    return used;
  }
}
