package io.emostream.assembly;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** The start-up check against a real (in-process) broker. */
class CoPartitioningCheckIT {

  @Test
  void shouldRefuseMismatchedInputTopicsOnARealBroker() {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopics(3, "calls.audio", "calls.transcripts");
      kafka.createTopics(2, "calls.events");
      kafka.createTopics(3, "other.events");
      try (Admin admin = kafka.admin()) {
        verifyAgainst(admin);
      }
    }
  }

  private static void verifyAgainst(Admin admin) {
    assertThatThrownBy(() -> CoPartitioningCheck.verify(admin,
        List.of("calls.audio", "calls.transcripts", "calls.events"), Duration.ofSeconds(20)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("calls.events has 2");
    assertThatCode(() -> CoPartitioningCheck.verify(admin,
        List.of("calls.audio", "calls.transcripts", "other.events"), Duration.ofSeconds(20)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CoPartitioningCheck.verify(admin,
        List.of("calls.audio", "missing.topic"), Duration.ofSeconds(20)))
        .hasMessageContaining("missing.topic").hasMessageContaining("do not exist");
  }
}
