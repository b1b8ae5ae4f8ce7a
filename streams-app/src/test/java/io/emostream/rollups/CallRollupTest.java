package io.emostream.rollups;

import static io.emostream.scoring.ScoringDriver.agent;
import static io.emostream.scoring.ScoringDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.EmotionTrend;
import io.emostream.avro.LabelCounts;
import io.emostream.avro.SpeakerRole;
import io.emostream.scoring.FixedOutputModel;
import io.emostream.scoring.ScoringDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-call, per-role rollups on {@code emotion.calls}. */
class CallRollupTest {

  @TempDir
  Path stateDir;

  @Test
  void shouldEmitEwmaAndRecentWindowPerCallAndRoleOnEveryScore() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of(
        "inference.max-batch", "1", "rollups.ewma-alpha", "0.5", "rollups.window-utterances", "3"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "happy"));
      d.pipe(agent("c1", "a1", 1000, 2000, "hello"));
      d.pipe(customer("c1", "u2", 2000, 3000, "neutral"));
      d.pipe(customer("c1", "u3", 3000, 4000, "sad"));
      d.pipe(customer("c1", "u4", 4000, 5000, "angry"));

      List<CallEmotionRollup> out = d.calls.readValuesToList();
      assertThat(out).hasSize(5).allSatisfy(r -> assertThat(r.getCallId()).isEqualTo("c1"));
      CallEmotionRollup agentRollup = out.get(1);
      assertThat(agentRollup.getRole()).isEqualTo(SpeakerRole.AGENT);
      assertThat(agentRollup.getUtteranceCount()).isEqualTo(1);

      CallEmotionRollup last = out.get(4);
      assertThat(last.getRole()).isEqualTo(SpeakerRole.CUSTOMER);
      assertThat(last.getUtteranceCount()).isEqualTo(4);
      assertThat(last.getLastUtteranceId()).isEqualTo("u4");
      assertThat(last.getLastLabel()).isEqualTo(EmotionLabel.ANGRY);
      assertThat(last.getLastEndMs()).isEqualTo(5000);
      // valence 0.7, 0, -0.6, -0.8 with alpha 0.5 seeded by the first
      assertThat(last.getEwmaValence()).isCloseTo(((0.7 * 0.5 + 0) * 0.5 - 0.3) * 0.5 - 0.4, within(1e-6));
      // negativity 0.1, 0.1, 0.9, 0.9
      assertThat(last.getEwmaNegative()).isCloseTo(((0.1 * 0.5 + 0.05) * 0.5 + 0.45) * 0.5 + 0.45, within(1e-6));
      assertThat(last.getWindowSize()).isEqualTo(3);
      assertThat(last.getWindowMeanValence()).isCloseTo((0 - 0.6 - 0.8) / 3, within(1e-6));
      assertThat(last.getWindowNegativeShare()).isCloseTo(2 / 3.0, within(1e-6));
      assertThat(last.getWindowLabelCounts()).isEqualTo(new LabelCounts(1L, 0L, 1L, 1L));
      assertThat(last.getTrend()).isEqualTo(EmotionTrend.WORSENING);
      assertThat(last.getTrendSlope()).isCloseTo(-0.4, within(1e-6));
      assertThat(last.getContext()).isEqualTo(ScoringDriver.context());
    }
  }

  @Test
  void shouldStartAfreshWhenTheCallHasEnded() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of("inference.max-batch", "1"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "angry"));
      d.end("c1", 2000);
      d.pipe(customer("c1", "u2", 3000, 4000, "happy"));

      List<CallEmotionRollup> out = d.calls.readValuesToList();
      assertThat(out.get(1).getUtteranceCount()).isEqualTo(1);
      assertThat(out.get(1).getEwmaNegative()).isCloseTo(0.1, within(1e-6));
    }
  }
}
