package io.emostream.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {

  @Test
  void shouldWriteParseableFamiliesWithEscapedLabelValues() {
    PrometheusWriter w = new PrometheusWriter();
    w.family("demo_total", "counter", "A help text\nwith a newline and a \\ backslash");
    w.sample("demo_total", new TreeMap<>(Map.of("thread-id", "t\"1\"\\x", "task.id", "0_1")), 3);
    w.family("demo_ratio", "gauge", "ratio");
    w.sample("demo_ratio", Map.of(), 0.25);
    w.sample("demo_ratio", Map.of("kind", "nan"), Double.NaN);
    w.sample("demo_ratio", Map.of("kind", "inf"), Double.POSITIVE_INFINITY);

    PrometheusText parsed = PrometheusText.parse(w.text());

    assertThat(parsed.types()).containsEntry("demo_total", "counter").containsEntry("demo_ratio", "gauge");
    assertThat(parsed.value("demo_total", Map.of("thread_id", "t\\\"1\\\"\\\\x", "task_id", "0_1"))).isEqualTo(3);
    assertThat(parsed.value("demo_ratio", Map.of("kind", "inf"))).isInfinite();
    assertThat(w.text()).as("a sample without a value yet is left out").doesNotContain("nan").doesNotContain("NaN");
    assertThat(w.text()).contains("demo_ratio 0.25\n");
  }

  @Test
  void shouldDeclareAFamilyOnceAndSkipDuplicateSamples() {
    PrometheusWriter w = new PrometheusWriter();
    assertThat(w.family("x", "gauge", "first")).isTrue();
    assertThat(w.family("x", "gauge", "again")).isFalse();
    w.sample("x", Map.of("a", "1"), 1);
    w.sample("x", Map.of("a", "1"), 2);

    PrometheusText parsed = PrometheusText.parse(w.text());

    assertThat(parsed.series("x")).hasSize(1);
    assertThat(parsed.value("x", Map.of("a", "1"))).isEqualTo(1);
  }

  @Test
  void shouldMakeKafkaMetricNamesValid() {
    assertThat(PrometheusWriter.metricName("kafka_streams_stream-thread-metrics_process-rate"))
        .isEqualTo("kafka_streams_stream_thread_metrics_process_rate");
    assertThat(PrometheusWriter.labelName("client-id")).isEqualTo("client_id");
    assertThat(PrometheusWriter.labelName("__reserved")).isEqualTo("_reserved");
    assertThat(PrometheusWriter.number(12.0)).isEqualTo("12");
    assertThat(PrometheusWriter.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }
}
