package io.emostream.serving;

import io.emostream.validation.DeadLetterReason;
import io.emostream.validation.DeadLetters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Writes Kafka Streams' own metrics (and its clients') as Prometheus families
 * {@code kafka_streams_<group>_<name>} with the metric tags as labels, and the dead-letter
 * counters summed by reason as {@code emostream_dead_letters_total}.
 */
final class StreamsMetricsExport {

  static final String DEAD_LETTERS = "emostream_dead_letters_total";
  private static final String DEAD_LETTER_GROUP = "stream-" + DeadLetters.METRIC_SCOPE + "-metrics";
  private static final String DEAD_LETTER_NAME = DeadLetters.METRIC_OPERATION + "-total";
  private static final String REASON_TAG = DeadLetters.METRIC_SCOPE + "-id";

  private StreamsMetricsExport() {}

  /** Every metric of {@code metrics} with a numeric value; counters are the {@code -total} ones. */
  static void write(PrometheusWriter writer, Map<MetricName, ? extends Metric> metrics) {
    Map<String, Map<MetricName, Double>> byFamily = new TreeMap<>();
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      Object value = entry.getValue().metricValue();
      if (value instanceof Number number) {
        MetricName name = entry.getKey();
        byFamily.computeIfAbsent(familyName(name), k -> new LinkedHashMap<>()).put(name, number.doubleValue());
      }
    }
    byFamily.forEach((family, samples) -> {
      MetricName first = samples.keySet().iterator().next();
      writer.family(family, family.endsWith("_total") ? "counter" : "gauge",
          first.description() == null || first.description().isBlank()
              ? "Kafka Streams metric " + first.group() + "/" + first.name() : first.description());
      samples.forEach((name, value) -> writer.sample(family, new TreeMap<>(name.tags()), value));
    });
  }

  /** Dead letters by reason, every known reason listed (0 until one happens), summed over tasks. */
  static void writeDeadLetters(PrometheusWriter writer, Map<MetricName, ? extends Metric> metrics) {
    Map<String, Double> byReason = new TreeMap<>();
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      byReason.put(reason.name().toLowerCase(Locale.ROOT), 0.0);
    }
    metrics.forEach((name, metric) -> {
      if (name.group().equals(DEAD_LETTER_GROUP) && name.name().equals(DEAD_LETTER_NAME)
          && metric.metricValue() instanceof Number number) {
        String reason = name.tags().getOrDefault(REASON_TAG, "unknown");
        byReason.merge(reason, number.doubleValue(), Double::sum);
      }
    });
    writer.family(DEAD_LETTERS, "counter",
        "Records sent to the dead-letter topic by the validation, by reason (emostream.dlq.reason)");
    byReason.forEach((reason, total) -> writer.sample(DEAD_LETTERS, Map.of("reason", reason), total));
  }

  static String familyName(MetricName name) {
    return PrometheusWriter.metricName("kafka_streams_" + name.group() + "_" + name.name());
  }
}
