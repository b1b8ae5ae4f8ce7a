package io.emostream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.embedded.EmbeddedKafka;
import io.emostream.embedded.FreePorts;
import io.emostream.testing.CallOutputs;
import io.emostream.testing.CallTraffic;
import io.emostream.testing.ChildInstance;
import io.emostream.testing.PacedPublisher;
import io.emostream.testing.ScriptedCall;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL while utterances are in the model: the scorer hands utterances to the shared batcher
 * and goes on, so at any moment some have been received (their input offsets may already be
 * committed) but not yet scored. The instance is killed while its batcher reports queued
 * utterances (a long batch delay keeps them there), then restarted: the pending store restored
 * from its changelog must bring every one of them back, and exactly-once output must hold.
 */
class InFlightCrashIT {

  private static final String QUEUED = "emostream_model_queued_utterances";

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldScoreEveryFinalTranscriptExactlyOnceWhenKilledWithBatchesInFlightInTheModel() {
    FaultTestSetup setup = new FaultTestSetup("inflight", kafka, registry);
    List<ScriptedCall> calls = CallTraffic.calls(setup.prefix + "call-", 4, 10);
    TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);
    int port = FreePorts.next();
    // utterances wait up to 3 s in the batcher for companions: there is nearly always work in flight
    Map<String, String> slowBatches = Map.of("inference.max-delay", "3s", "inference.max-batch", "256");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    AtomicLong queuedAtKill = new AtomicLong();

    try (ChildInstance instance = setup.child("A", port, slowBatches).start()) {
      try (PacedPublisher publisher = new PacedPublisher(setup.names, kafka.bootstrapServers(), registry, calls,
          Duration.ofSeconds(20)).start()) {
        Awaitility.await("utterances queued in the model").atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> {
              queuedAtKill.set(queued(http, port));
              return queuedAtKill.get() > 0 && publisher.progress() >= 0.3;
            });
        instance.kill();
        System.out.printf("[inflight] SIGKILLed with %d utterance(s) queued in the model at %.0f%% of the traffic%n",
            queuedAtKill.get(), 100 * publisher.progress());
        instance.start();
        Awaitility.await("all calls published").atMost(Duration.ofSeconds(90)).until(publisher::done);
        assertThat(publisher.errors()).isEmpty();
      }

      CallOutputs outputs = CallOutputs.read(io, setup.names, calls, Duration.ofSeconds(120));
      System.out.println("[inflight] read_committed outputs: " + outputs.describe());
      assertThat(queuedAtKill.get()).as("utterances were in the model when it was killed").isPositive();
      outputs.assertExactlyOnce(calls);
      assertThat(instance.isAlive()).isTrue();
    }
  }

  /** The batcher's queued-utterances gauge from the instance's Prometheus endpoint; 0 while it is unreachable. */
  private static long queued(HttpClient http, int port) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.body().lines().filter(l -> l.startsWith(QUEUED + " "))
          .mapToLong(l -> (long) Double.parseDouble(l.substring(QUEUED.length() + 1).trim())).findFirst().orElse(0);
    } catch (java.io.IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
