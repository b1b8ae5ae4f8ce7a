package io.emostream.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.deadletters.DeadLetterCounter;
import io.emostream.deadletters.DeadLetterReason;
import io.emostream.model.UtteranceInput;
import io.emostream.model.batching.BatchingConfig;
import io.emostream.model.batching.BatchingEmotionModel;
import io.emostream.scoring.FixedOutputModel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsHandlerTest {

  private final Metrics metrics = new Metrics();
  private final EventFeed feed = new EventFeed(Duration.ofSeconds(1), 10);
  private BatchingEmotionModel model;

  @BeforeEach
  void setUp() {
    model = new BatchingEmotionModel(new FixedOutputModel(), BatchingConfig.DEFAULT);
    gauge("process-rate", "stream-thread-metrics", Map.of("thread-id", "app-StreamThread-1"), 2.5);
    gauge("dead-letter-total", "stream-emostream-dead-letters-metrics",
        Map.of("thread-id", "t1", "task-id", "0_0", "emostream-dead-letters-id", "undecodable"), 2);
    gauge("dead-letter-total", "stream-emostream-dead-letters-metrics",
        Map.of("thread-id", "t1", "task-id", "0_1", "emostream-dead-letters-id", "undecodable"), 3);
    metrics.addMetric(new MetricName("version", "app-info", "", Map.of()), (Gauge<String>) (config, now) -> "4.3.1");
  }

  @AfterEach
  void tearDown() {
    model.close();
    metrics.close();
  }

  @Test
  void shouldExposeStreamsModelDeadLetterAndLatencyFamiliesInPrometheusFormat() {
    model.predict(List.of(new UtteranceInput("a", null, "hello"), new UtteranceInput("b", null, "angry now"),
        new UtteranceInput("c", null, "fine")));
    FeedTap tap = new FeedTap(new Properties(), null, null, feed);
    tap.endToEnd().record(0.3);
    tap.endToEnd().record(4);

    PrometheusText text = PrometheusText.parse(handler(KafkaStreams.State.RUNNING, tap).scrape());

    assertThat(text.types()).containsEntry("kafka_streams_stream_thread_metrics_process_rate", "gauge")
        .containsEntry("emostream_dead_letters_total", "counter")
        .containsEntry("emostream_model_batch_size", "histogram")
        .containsEntry("emostream_model_inference_seconds", "summary")
        .containsEntry("emostream_model_queue_seconds", "summary")
        .containsEntry("emostream_model_batches_total", "counter")
        .containsEntry("emostream_model_failed_batches_total", "counter")
        .containsEntry("emostream_end_to_end_latency_seconds", "histogram");
    assertThat(text.value("kafka_streams_stream_thread_metrics_process_rate",
        Map.of("thread_id", "app-StreamThread-1"))).isEqualTo(2.5);
    assertThat(text.value("emostream_dead_letters_total", Map.of("reason", "undecodable"))).isEqualTo(5);
    assertThat(text.value("emostream_dead_letters_total", Map.of("reason", "chunk_too_long"))).isZero();
    assertThat(text.value("emostream_model_batch_size_count", Map.of())).isEqualTo(1);
    assertThat(text.value("emostream_model_batch_size_sum", Map.of())).isEqualTo(3);
    assertThat(text.value("emostream_model_batch_size_bucket", Map.of("le", "2"))).isZero();
    assertThat(text.value("emostream_model_batch_size_bucket", Map.of("le", "4"))).isEqualTo(1);
    assertThat(text.value("emostream_end_to_end_latency_seconds_bucket", Map.of("le", "0.5"))).isEqualTo(1);
    assertThat(text.value("emostream_end_to_end_latency_seconds_bucket", Map.of("le", "+Inf"))).isEqualTo(2);
    assertThat(text.value("emostream_end_to_end_latency_seconds_sum", Map.of())).isEqualTo(4.3);
    assertThat(text.value("emostream_streams_running", Map.of())).isEqualTo(1);
    assertThat(text.value("emostream_model_info", Map.of("name", "fixed-output", "version", "1.2.3"))).isEqualTo(1);
    assertThat(text.types()).doesNotContainKey("kafka_streams_app_info_version");
  }

  @Test
  void shouldWriteOnlyEssentialStreamsMetricsWithoutNaNUnlessAllAreAsked() {
    gauge("process-latency-avg", "stream-processor-node-metrics",
        Map.of("thread-id", "t1", "task-id", "0_0", "processor-node-id", "KSTREAM-SOURCE-1"), 1.5);
    gauge("records-lag-max", "consumer-fetch-manager-metrics", Map.of("client-id", "c1"), Double.NaN);
    gauge("records-lag-max", "consumer-fetch-manager-metrics", Map.of("client-id", "c2"), 7);
    FeedTap tap = new FeedTap(new Properties(), null, null, feed);
    MetricsHandler handler = handler(KafkaStreams.State.RUNNING, tap);

    String lean = handler.scrape();
    String full = handler.scrape(true);

    PrometheusText text = PrometheusText.parse(lean);
    assertThat(text.types()).containsKey("kafka_streams_stream_thread_metrics_process_rate")
        .doesNotContainKey("kafka_streams_stream_processor_node_metrics_process_latency_avg");
    assertThat(text.value("kafka_streams_consumer_fetch_manager_metrics_records_lag_max", Map.of("client_id", "c2")))
        .isEqualTo(7);
    assertThat(lean).doesNotContain("NaN");
    assertThat(PrometheusText.parse(full).types())
        .containsKey("kafka_streams_stream_processor_node_metrics_process_latency_avg");
    assertThat(full).doesNotContain("NaN");
  }

  @Test
  void shouldAddTheDeadLettersOfStreamsExceptionHandlersToTheProcessorsCountsByReason() {
    DeadLetterCounter handlers = new DeadLetterCounter();
    handlers.record(DeadLetterReason.UNDECODABLE);
    handlers.record(DeadLetterReason.STREAMS_PROCESSING_ERROR);
    Map<MetricName, Metric> all = new HashMap<>(metrics.metrics());
    all.putAll(handlers.metrics()); // as EmostreamApp.metrics() merges them
    FeedTap tap = new FeedTap(new Properties(), null, null, feed);

    PrometheusText text = PrometheusText.parse(
        new MetricsHandler(() -> KafkaStreams.State.RUNNING, () -> all, model, tap, feed, () -> 0).scrape());

    assertThat(text.value("emostream_dead_letters_total", Map.of("reason", "undecodable"))).isEqualTo(6);
    assertThat(text.value("emostream_dead_letters_total", Map.of("reason", "streams_processing_error"))).isEqualTo(1);
    assertThat(text.value("emostream_dead_letters_total", Map.of("reason", "model_failed"))).isZero();
  }

  @Test
  void shouldReportTheStreamsStateWhenNotRunning() {
    FeedTap tap = new FeedTap(new Properties(), null, null, feed);

    PrometheusText text = PrometheusText.parse(handler(KafkaStreams.State.REBALANCING, tap).scrape());

    assertThat(text.value("emostream_streams_running", Map.of())).isZero();
    assertThat(text.value("emostream_streams_state", Map.of("state", "REBALANCING"))).isEqualTo(1);
  }

  private MetricsHandler handler(KafkaStreams.State state, FeedTap tap) {
    return new MetricsHandler(() -> state, metrics::metrics, model, tap, feed, () -> 2);
  }

  private void gauge(String name, String group, Map<String, String> tags, double value) {
    metrics.addMetric(new MetricName(name, group, "test metric", tags), (Measurable) (config, now) -> value);
  }
}
