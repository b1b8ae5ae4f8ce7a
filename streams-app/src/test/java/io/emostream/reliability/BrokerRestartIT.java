package io.emostream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.testing.CallOutputs;
import io.emostream.testing.CallTraffic;
import io.emostream.testing.PacedPublisher;
import io.emostream.testing.RandomModelBundle;
import io.emostream.testing.ScriptedCall;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.TopicIO;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away mid-stream and comes back on the same ports with the same data, as after
 * a broker restart in production. The app (in this JVM) must ride it out by itself — no
 * restart, no manual action — and still deliver every result exactly once. Uses a private
 * broker so that no other test sees the outage.
 */
class BrokerRestartIT {

  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldRecoverByItselfWithoutLossOrDuplicatesWhenTheBrokerRestartsMidStream() {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      FaultTestSetup setup = new FaultTestSetup("broker", kafka, registry);
      List<ScriptedCall> calls = CallTraffic.calls(setup.prefix + "call-", 4, 10);
      EmostreamConfig config = EmostreamConfig.of(setup.settings("inproc"));

      try (EmostreamApp app = EmostreamApp.start(config, RandomModelBundle.create(), true, null);
           PacedPublisher publisher = new PacedPublisher(setup.names, kafka.bootstrapServers(), registry, calls,
               Duration.ofSeconds(20))) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
        publisher.start();
        Awaitility.await("a third published").atMost(Duration.ofSeconds(60))
            .until(() -> publisher.progress() >= 0.35);

        kafka.stopKeepingData();
        double stoppedAt = publisher.progress();
        long downSince = System.nanoTime();
        // a few seconds of outage while calls keep streaming (the app's clients retry meanwhile)
        Awaitility.await("outage of a few seconds").pollDelay(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(10)).until(() -> !kafka.isRunning());
        kafka.restart();
        System.out.printf("[broker] down for %d ms from %.0f%% of the traffic%n",
            Duration.ofNanos(System.nanoTime() - downSince).toMillis(), stoppedAt * 100);

        Awaitility.await("all calls published").atMost(Duration.ofSeconds(120)).until(publisher::done);
        assertThat(publisher.errors()).isEmpty();
        CallOutputs outputs = CallOutputs.read(new TopicIO(kafka.bootstrapServers(), registry), setup.names, calls,
            Duration.ofSeconds(120));
        System.out.println("[broker] read_committed outputs: " + outputs.describe());
        outputs.assertExactlyOnce(calls);
        Awaitility.await("app RUNNING after the outage").atMost(Duration.ofSeconds(30))
            .until(() -> app.state() == KafkaStreams.State.RUNNING);
      }
    }
  }
}
