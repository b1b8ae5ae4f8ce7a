package io.emostream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  @Test
  void shouldRunExactlyOnceAndKeepKafkaStreamsTaskIdlingByDefault() {
    Properties props = StreamsSettings.from(EmostreamConfig.of(Map.of(
        "bootstrap.servers", "localhost:9092", "application.id", "emostream")), "dead-letters");

    assertThat(props.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    // -1 would save the stream thread Kafka 4.3's readiness messages, but under a backlog a call's
    // CALL_ENDED (a sparse topic) then overtakes its audio and the late frames are dead-lettered
    assertThat(props.getProperty(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isNull();
  }

  @Test
  void shouldLetTheUsersSettingsWin() {
    Properties props = StreamsSettings.from(EmostreamConfig.of(Map.of(
        "bootstrap.servers", "localhost:9092", "application.id", "emostream",
        "processing.guarantee", "at_least_once", "num.stream.threads", "2")), "dead-letters");

    assertThat(props.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
    assertThat(props.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("2");
  }
}
