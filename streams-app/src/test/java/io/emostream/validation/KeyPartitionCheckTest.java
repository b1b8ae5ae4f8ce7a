package io.emostream.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class KeyPartitionCheckTest {

  private static final byte[] KEY = "call-42".getBytes(StandardCharsets.UTF_8);

  private static MockProcessorContext<Object, Object> context(Integer partitions) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    if (partitions != null) {
      props.put(KeyPartitionCheck.PARTITIONS_CONFIG, partitions.toString());
    }
    return new MockProcessorContext<>(props);
  }

  @Test
  void shouldAcceptRecordsOnTheirMurmur2PartitionAndCountOthersPerTopic() {
    MockProcessorContext<Object, Object> context = context(4);
    KeyPartitionCheck check = KeyPartitionCheck.of(context);
    int home = KeyPartitionCheck.murmur2Partition(KEY, 4);

    assertThat(check.check(KEY, "calls.audio", home)).isTrue();
    assertThat(check.check(KEY, "calls.audio", (home + 1) % 4)).isFalse();
    assertThat(check.check(KEY, "calls.audio", (home + 2) % 4)).isFalse();
    assertThat(check.check(null, "calls.audio", 3)).as("a null key cannot be checked").isTrue();

    assertThat(total(context, "calls.audio")).isEqualTo(2.0);
  }

  @Test
  void shouldMatchTheJavaProducersBuiltInPartitioner() {
    for (int i = 0; i < 200; i++) {
      byte[] key = ("call-" + i).getBytes(StandardCharsets.UTF_8);
      assertThat(KeyPartitionCheck.murmur2Partition(key, 6)).isEqualTo(BuiltInPartitioner.partitionForKey(key, 6));
    }
  }

  @Test
  void shouldBeOffWhenThePartitionCountIsNotConfigured() {
    assertThat(KeyPartitionCheck.of(context(null))).isNull();
  }

  private static double total(MockProcessorContext<Object, Object> context, String topic) {
    for (Map.Entry<MetricName, ? extends Metric> e : context.metrics().metrics().entrySet()) {
      MetricName name = e.getKey();
      if (name.name().equals(KeyPartitionCheck.METRIC_OPERATION + "-total")
          && topic.equals(name.tags().get(KeyPartitionCheck.METRIC_SCOPE + "-id"))) {
        return ((Number) e.getValue().metricValue()).doubleValue();
      }
    }
    return -1;
  }
}
