package io.emostream.alerts;

import static io.emostream.scoring.ScoringDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AlertStatus;
import io.emostream.avro.CallContext;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.Utterance;
import io.emostream.scoring.FixedOutputModel;
import io.emostream.scoring.ScoringDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert detector inside the topology: topic output, overrides, call end. */
class AlertDetectorTest {

  @TempDir
  Path stateDir;

  @Test
  void shouldPublishOneOpenedAlertAndResolveItWhenTheCallEnds() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of("inference.max-batch", "1"))) {
      d.start("c1", ScoringDriver.context(), 0);
      for (int i = 1; i <= 5; i++) {
        d.pipe(customer("c1", "u" + i, i * 1000L, i * 1000L + 900, "angry again"));
      }
      d.end("c1", 10_000);

      List<KeyValue<String, EmotionAlert>> alerts = d.alerts.readKeyValuesToList();
      assertThat(alerts).extracting(kv -> kv.key).containsOnly("c1");
      assertThat(alerts).extracting(kv -> kv.value.getStatus()).containsExactly(AlertStatus.OPENED, AlertStatus.RESOLVED);
      assertThat(alerts.get(0).value.getEvidenceUtteranceIds()).containsExactly("u1", "u2", "u3");
      assertThat(alerts.get(0).value.getContext()).isEqualTo(ScoringDriver.context());
      assertThat(d.summaries.readValue().getAlertCount()).isEqualTo(1);
    }
  }

  @Test
  void shouldApplyAQueueOverrideToThatQueueOnly() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of(
        "inference.max-batch", "1", "alerts.queue.vip.consecutive-negative", "2"))) {
      Utterance vip1 = withQueue(customer("vip-call", "v1", 0, 1000, "sad"), "vip");
      Utterance vip2 = withQueue(customer("vip-call", "v2", 1000, 2000, "sad"), "vip");
      d.pipe(vip1);
      d.pipe(customer("plain-call", "p1", 0, 1000, "sad"));
      d.pipe(vip2);
      d.pipe(customer("plain-call", "p2", 1000, 2000, "sad"));

      assertThat(d.alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("vip-call");
    }
  }

  private static Utterance withQueue(Utterance u, String queue) {
    return Utterance.newBuilder(u).setContext(new CallContext("acme", "agent-7", queue)).build();
  }
}
