package io.emostream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class PipelineRunTest {

  @Test
  void shouldSumWhatTheProducersSentToChangelogTopicsOnly() {
    Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    put(metrics, "record-send-total", "app-audio-changelog", 120);
    put(metrics, "byte-total", "app-audio-changelog", 50_000);
    put(metrics, "record-send-total", "app-calls-changelog", 30);
    put(metrics, "byte-total", "app-calls-changelog", 3_000);
    put(metrics, "record-send-total", "emotion.utterances", 999); // output, not a changelog
    metrics.put(new MetricName("record-send-total", "producer-metrics", "", Map.of()), metric(7)); // no topic

    long[] sent = PipelineRun.changelogSends(metrics);

    assertThat(sent).containsExactly(150, 53_000);
    assertThat(ScenarioResult.ChangelogWrites.of(sent[0], sent[1], 300).perInputRecord()).isEqualTo(0.5);
  }

  private static void put(Map<MetricName, Metric> metrics, String name, String topic, double value) {
    metrics.put(new MetricName(name, "producer-topic-metrics", "", Map.of("client-id", "p", "topic", topic)),
        metric(value));
  }

  private static Metric metric(double value) {
    return new Metric() {
      @Override
      public MetricName metricName() {
        return null;
      }

      @Override
      public Object metricValue() {
        return value;
      }
    };
  }
}
