package io.emostream.serving;

import io.emostream.deadletters.DeadLetterReason;
import io.emostream.deadletters.DeadLetters;
import io.emostream.validation.KeyPartitionCheck;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Writes Kafka Streams' own metrics (and its clients') as Prometheus families
 * {@code kafka_streams_<group>_<name>} with the metric tags as labels, and the dead-letter
 * counters summed by reason as {@code emostream_dead_letters_total}.
 *
 * <p>By default only {@link #ESSENTIAL} metrics are written: Kafka Streams registers thousands
 * (every processor node, store and client at every level), which made one scrape over 600 KB.
 * {@code /metrics?streams=all} writes every numeric one. Samples without a value yet (NaN, as
 * Kafka reports an average or a max before the first event) are left out in either case: a
 * missing sample is what Prometheus expects for "no data".
 */
final class StreamsMetricsExport {

  static final String DEAD_LETTERS = "emostream_dead_letters_total";
  private static final String DEAD_LETTER_GROUP = "stream-" + DeadLetters.METRIC_SCOPE + "-metrics";
  private static final String DEAD_LETTER_NAME = DeadLetters.METRIC_OPERATION + "-total";
  private static final String REASON_TAG = DeadLetters.METRIC_SCOPE + "-id";
  static final String PARTITION_MISMATCHES = "emostream_partition_mismatch_total";
  private static final String MISMATCH_GROUP = "stream-" + KeyPartitionCheck.METRIC_SCOPE + "-metrics";
  private static final String MISMATCH_NAME = KeyPartitionCheck.METRIC_OPERATION + "-total";
  private static final String MISMATCH_TAG = KeyPartitionCheck.METRIC_SCOPE + "-id";

  /**
   * The Kafka Streams metrics an operator watches (group/name): throughput, latency and health of
   * the stream threads, dropped records, consumer lag, rebalances and producer errors.
   */
  static final Set<String> ESSENTIAL = Set.of(
      "stream-metrics/alive-stream-threads",
      "stream-metrics/failed-stream-threads",
      "stream-thread-metrics/process-rate",
      "stream-thread-metrics/process-total",
      "stream-thread-metrics/process-latency-avg",
      "stream-thread-metrics/process-latency-max",
      "stream-thread-metrics/process-ratio",
      "stream-thread-metrics/commit-rate",
      "stream-thread-metrics/commit-latency-avg",
      "stream-thread-metrics/poll-rate",
      "stream-thread-metrics/poll-records-avg",
      "stream-thread-metrics/punctuate-rate",
      "stream-thread-metrics/blocked-time-ns-total",
      "stream-task-metrics/dropped-records-total",
      "consumer-fetch-manager-metrics/records-lag-max",
      "consumer-fetch-manager-metrics/records-consumed-rate",
      "consumer-coordinator-metrics/rebalance-total",
      "consumer-coordinator-metrics/last-rebalance-seconds-ago",
      "producer-metrics/record-send-rate",
      "producer-metrics/record-error-total");

  private StreamsMetricsExport() {}

  /** The {@link #ESSENTIAL} metrics of {@code metrics}, or all numeric ones when {@code all}. */
  static void write(PrometheusWriter writer, Map<MetricName, ? extends Metric> metrics, boolean all) {
    Map<String, Map<MetricName, Double>> byFamily = new TreeMap<>();
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      Object value = entry.getValue().metricValue();
      MetricName key = entry.getKey();
      if (!all && !ESSENTIAL.contains(key.group() + "/" + key.name())) {
        continue;
      }
      if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
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
        "Records sent to the dead-letter topic, by reason (the emostream.dlq.reason header): by the validation,"
            + " assembly and scoring and by Kafka Streams' exception handlers");
    byReason.forEach((reason, total) -> writer.sample(DEAD_LETTERS, Map.of("reason", reason), total));
  }

  /**
   * Records whose key does not murmur2-hash to their partition, summed over tasks, by topic (a
   * topic appears with its first mismatch).
   */
  static void writePartitionMismatches(PrometheusWriter writer, Map<MetricName, ? extends Metric> metrics) {
    Map<String, Double> byTopic = new TreeMap<>();
    metrics.forEach((name, metric) -> {
      if (name.group().equals(MISMATCH_GROUP) && name.name().equals(MISMATCH_NAME)
          && metric.metricValue() instanceof Number number) {
        byTopic.merge(name.tags().getOrDefault(MISMATCH_TAG, "unknown"), number.doubleValue(), Double::sum);
      }
    });
    writer.family(PARTITION_MISMATCHES, "counter", "Input records whose key does not hash (murmur2, as Kafka's"
        + " Java producer does) to the partition they arrived on, by topic: set partitioner=murmur2_random in"
        + " librdkafka producers");
    byTopic.forEach((topic, total) -> writer.sample(PARTITION_MISMATCHES, Map.of("topic", topic), total));
  }

  static String familyName(MetricName name) {
    return PrometheusWriter.metricName("kafka_streams_" + name.group() + "_" + name.name());
  }
}
