package io.emostream.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.UtteranceInput;
import io.emostream.model.batching.BatchingConfig;
import io.emostream.model.batching.BatchingEmotionModel;
import io.emostream.scoring.FixedOutputModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * The ready Grafana dashboard only queries metrics that a default (lean) {@code /metrics} scrape
 * has: emostream's own families, and the essential Kafka Streams ones. {@code ServingIT} checks
 * the latter against the metrics a running app really registers.
 */
class GrafanaDashboardTest {

  @Test
  void shouldUseOnlyMetricsTheDefaultScrapeExposes() throws Exception {
    Set<String> available = new TreeSet<>();
    try (Metrics none = new Metrics();
        BatchingEmotionModel model = new BatchingEmotionModel(new FixedOutputModel(), BatchingConfig.DEFAULT)) {
      model.predict(List.of(new UtteranceInput("a", null, "hello")));
      EventFeed feed = new EventFeed(Duration.ofSeconds(1), 10);
      MetricsHandler handler = new MetricsHandler(() -> KafkaStreams.State.RUNNING, none::metrics, model,
          new FeedTap(new Properties(), null, null, feed), feed, () -> 0);
      available.addAll(PrometheusText.parse(handler.scrape()).types().keySet());
    }
    for (String essential : StreamsMetricsExport.ESSENTIAL) {
      String[] groupAndName = essential.split("/");
      available.add(StreamsMetricsExport.familyName(new MetricName(groupAndName[1], groupAndName[0], "", Map.of())));
    }

    Set<String> used = GrafanaDashboard.families(available);

    assertThat(used).as("metric families the dashboard queries").hasSizeGreaterThanOrEqualTo(10)
        .contains("emostream_model_utterances_total", "emostream_end_to_end_latency_seconds",
            "emostream_model_batch_size", "emostream_model_inference_seconds", "emostream_dead_letters_total",
            "kafka_streams_consumer_fetch_manager_metrics_records_lag_max", "emostream_open_alerts");
    assertThat(available).as("families of a default scrape").containsAll(used);
  }
}
