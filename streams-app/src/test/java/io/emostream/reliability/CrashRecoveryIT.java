package io.emostream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.embedded.EmbeddedKafka;
import io.emostream.testing.CallOutputs;
import io.emostream.testing.CallTraffic;
import io.emostream.testing.ChildInstance;
import io.emostream.testing.PacedPublisher;
import io.emostream.testing.ScriptedCall;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL mid-stream: an instance running as its own JVM dies without a shutdown hook, a commit
 * or a transaction abort, while four calls stream in; it is restarted with the same
 * application id and state directory. With exactly_once_v2 and {@code read_committed} readers,
 * nothing may be lost and nothing may appear twice.
 */
class CrashRecoveryIT {

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldScoreEveryFinalTranscriptExactlyOnceWhenAnInstanceIsKilledMidStream() {
    FaultTestSetup setup = new FaultTestSetup("crash", kafka, registry);
    List<ScriptedCall> calls = CallTraffic.calls(setup.prefix + "call-", 4, 10);
    TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);

    try (ChildInstance instance = setup.child("A").start()) {
      try (PacedPublisher publisher = new PacedPublisher(setup.names, kafka.bootstrapServers(), registry, calls,
          Duration.ofSeconds(20)).start()) {
        Awaitility.await("calls half published").atMost(Duration.ofSeconds(60))
            .until(() -> publisher.progress() >= 0.5);
        long killedAt = System.nanoTime();
        instance.kill();
        instance.start();
        System.out.printf("[crash] SIGKILLed at 50%% of the traffic; back to RUNNING in %d ms%n",
            Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
        Awaitility.await("all calls published").atMost(Duration.ofSeconds(90)).until(publisher::done);
        assertThat(publisher.errors()).isEmpty();
      }

      CallOutputs outputs = CallOutputs.read(io, setup.names, calls, Duration.ofSeconds(120));
      System.out.println("[crash] read_committed outputs: " + outputs.describe());
      outputs.assertExactlyOnce(calls);
      assertThat(instance.isAlive()).isTrue();
    }
  }
}
