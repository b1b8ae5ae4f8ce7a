package io.emostream.rollups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.avro.CallContext;
import io.emostream.avro.GroupEmotionWindow;
import io.emostream.avro.GroupType;
import io.emostream.avro.LabelCounts;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.Utterance;
import io.emostream.scoring.FixedOutputModel;
import io.emostream.scoring.ScoringDriver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-agent and per-queue hopping windows, emitted when each window closes. */
class GroupWindowTest {

  @TempDir
  Path stateDir;

  private static Utterance said(String call, String id, SpeakerRole role, long endMs, String text,
      String agentId, String queue) {
    Utterance u = ScoringDriver.utterance(call, id, role == SpeakerRole.CUSTOMER ? 0 : 1, role,
        endMs - 500, endMs, text, null);
    return Utterance.newBuilder(u).setContext(new CallContext("acme", agentId, queue)).build();
  }

  @Test
  void shouldEmitEachHoppingWindowOfAnAgentAndAQueueOnceItCloses() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of(
        "inference.max-batch", "1", "rollups.group-window.size", "60s",
        "rollups.group-window.advance", "30s", "rollups.group-window.grace", "0s"))) {
      d.pipe(said("c1", "u1", SpeakerRole.CUSTOMER, 10_000, "angry", "a1", "billing"));
      d.pipe(said("c2", "u2", SpeakerRole.CUSTOMER, 20_000, "happy", "a1", "billing"));
      assertThat(d.agents.isEmpty()).as("no window has closed at 20 s").isTrue();
      d.pipe(said("c1", "u3", SpeakerRole.AGENT, 40_000, "hello", "a1", "billing"));

      d.pipe(said("c3", "u4", SpeakerRole.CUSTOMER, 95_000, "sad", "a2", "billing"));

      List<KeyValue<String, GroupEmotionWindow>> agents = d.agents.readKeyValuesToList();
      assertThat(agents).extracting(kv -> kv.key).containsOnly("a1");
      assertThat(agents).extracting(kv -> kv.value.getWindowStart())
          .containsExactly(at(-30_000), at(0), at(30_000));
      GroupEmotionWindow first = agents.get(0).value;
      assertThat(first.getGroupType()).isEqualTo(GroupType.AGENT);
      assertThat(first.getWindowEnd()).isEqualTo(at(30_000));
      assertThat(first.getTenant()).isEqualTo("acme");
      assertThat(first.getUtteranceCount()).isEqualTo(2);
      assertThat(first.getCallCount()).isEqualTo(2);
      assertThat(first.getLabelCounts()).isEqualTo(new LabelCounts(0L, 1L, 1L, 0L));
      assertThat(first.getNegativeShare()).isCloseTo(0.5, within(1e-6));
      assertThat(first.getMeanValence()).isCloseTo(-0.05, within(1e-6));
      assertThat(first.getCustomerUtteranceCount()).isEqualTo(2);
      GroupEmotionWindow second = agents.get(1).value;
      assertThat(second.getUtteranceCount()).isEqualTo(3);
      assertThat(second.getCallCount()).isEqualTo(2);
      assertThat(second.getCustomerUtteranceCount()).isEqualTo(2);
      assertThat(second.getCustomerNegativeShare()).isCloseTo(0.5, within(1e-6));
      GroupEmotionWindow third = agents.get(2).value;
      assertThat(third.getUtteranceCount()).isEqualTo(1);
      assertThat(third.getCustomerUtteranceCount()).isZero();
      assertThat(third.getCustomerMeanValence()).isZero();

      List<KeyValue<String, GroupEmotionWindow>> queues = d.queues.readKeyValuesToList();
      assertThat(queues).extracting(kv -> kv.key).containsOnly("billing");
      assertThat(queues).extracting(kv -> kv.value.getGroupType()).containsOnly(GroupType.QUEUE);
      assertThat(queues).extracting(kv -> kv.value.getUtteranceCount()).containsExactly(2L, 3L, 1L);
    }
  }

  @Test
  void shouldLeaveUtterancesWithoutAnAgentOutOfTheAgentWindows() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of(
        "inference.max-batch", "1", "rollups.group-window.size", "10s",
        "rollups.group-window.advance", "10s", "rollups.group-window.grace", "0s"))) {
      d.pipe(said("c1", "u1", SpeakerRole.CUSTOMER, 1_000, "angry", null, "billing"));
      d.pipe(said("c1", "u2", SpeakerRole.CUSTOMER, 25_000, "angry", null, "billing"));

      assertThat(d.agents.isEmpty()).isTrue();
      assertThat(d.queues.readValuesToList()).extracting(GroupEmotionWindow::getUtteranceCount).containsExactly(1L);
    }
  }

  private static Instant at(long ms) {
    return ScoringDriver.START.plusMillis(ms);
  }
}
