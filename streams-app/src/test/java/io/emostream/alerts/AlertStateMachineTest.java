package io.emostream.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AlertResolution;
import io.emostream.avro.AlertSeverity;
import io.emostream.avro.AlertStatus;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.CallContext;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.EmotionProbabilities;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.ScoringTimings;
import io.emostream.avro.SpeakerRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert state machine on its own: open, hysteresis, resolve, cooldown. */
class AlertStateMachineTest {

  private AlertState state = AlertState.initial();
  private final List<EmotionAlert> emitted = new ArrayList<>();

  private static AlertRules rules(Map<String, String> settings) {
    return AlertRuleSet.from(settings).defaults();
  }

  /** An utterance of the customer ending at {@code endMs} with the given negativity (all anger), scored surely. */
  static ScoredUtterance scored(String id, EmotionLabel label, double negativity, long endMs) {
    return ScoredUtterance.newBuilder()
        .setCallId("c1").setUtteranceId(id).setChannel(0).setRole(SpeakerRole.CUSTOMER)
        .setStartMs(endMs - 1000).setEndMs(endMs).setLabel(label)
        .setProbabilities(new EmotionProbabilities(1 - negativity, 0.0, negativity, 0.0))
        .setValence(-negativity).setArousal(0.5).setConfidence(0.9).setModalities(List.of())
        .setAudioCoverage(AudioCoverage.MISSING).setModelName("m").setModelVersion("1")
        .setContext(new CallContext("acme", "agent-7", "billing"))
        .setTimings(new ScoringTimings(null, Instant.EPOCH, Instant.EPOCH, 0.0, 0.0, 1))
        .build();
  }

  private EmotionAlert feed(ScoredUtterance u, AlertRules rules) {
    AlertStateMachine.Step step = AlertStateMachine.apply(state, u, rules, 1_000_000 + u.getEndMs());
    state = step.state();
    emitted.addAll(step.alerts());
    return step.alert();
  }

  private static ScoredUtterance angry(String id, long endMs) {
    return scored(id, EmotionLabel.ANGRY, 0.9, endMs);
  }

  private static ScoredUtterance unsure(ScoredUtterance u) {
    return ScoredUtterance.newBuilder(u).setConfidence(0.45).build();
  }

  @Test
  void shouldLeaveUnsureNegativeUtterancesOutOfEveryRule() {
    AlertRules rules = rules(Map.of("alerts.ewma-open-duration", "1h"));
    for (int i = 1; i <= 6; i++) {
      assertThat(feed(unsure(angry("u" + i, i * 1000L)), rules)).as("unsure anger %d", i).isNull();
    }
    assertThat(state.negativeRun()).isEmpty();
    assertThat(feed(angry("s1", 7000), rules)).isNull();
    assertThat(feed(angry("s2", 8000), rules)).isNull();
    assertThat(feed(unsure(angry("x", 8500)), rules)).isNull();
    EmotionAlert opened = feed(angry("s3", 9000), rules);
    assertThat(opened.getEvidenceUtteranceIds()).as("an unsure anger neither counts nor breaks a run")
        .containsExactly("s1", "s2", "s3");
    feed(unsure(scored("n1", EmotionLabel.NEUTRAL, 0.05, 10_000)), rules);
    EmotionAlert resolved = feed(unsure(scored("n2", EmotionLabel.NEUTRAL, 0.05, 11_000)), rules);
    assertThat(resolved.getStatus()).as("calm utterances count, however sure the label").isEqualTo(AlertStatus.RESOLVED);
    assertThat(rules(Map.of("alerts.min-confidence", "0.3")).minConfidence()).isEqualTo(0.3);
    assertThat(AlertRules.DEFAULT.minConfidence()).isEqualTo(0.6);
  }

  @Test
  void shouldOpenAfterTheConfiguredNumberOfConsecutiveNegativeUtterances() {
    AlertRules rules = rules(Map.of("alerts.ewma-open-duration", "1h"));
    assertThat(feed(angry("u1", 1000), rules)).isNull();
    assertThat(feed(scored("u2", EmotionLabel.NEUTRAL, 0.1, 2000), rules)).as("run broken").isNull();
    assertThat(feed(angry("u3", 3000), rules)).isNull();
    assertThat(feed(angry("u4", 4000), rules)).isNull();

    EmotionAlert opened = feed(scored("u5", EmotionLabel.SAD, 0.9, 5000), rules);

    assertThat(opened.getStatus()).isEqualTo(AlertStatus.OPENED);
    assertThat(opened.getRule()).isEqualTo(AlertStateMachine.CONSECUTIVE_NEGATIVE);
    assertThat(opened.getEvidenceUtteranceIds()).containsExactly("u3", "u4", "u5");
    assertThat(opened.getSeverity()).as("two of three angry").isEqualTo(AlertSeverity.CRITICAL);
    assertThat(opened.getConsecutiveNegative()).isEqualTo(3);
    assertThat(opened.getAlertId()).isEqualTo("c1-CUSTOMER-1");
    assertThat(opened.getCallOffsetMs()).isEqualTo(5000);
    assertThat(opened.getOpenedAt()).isEqualTo(Instant.ofEpochMilli(1_005_000));
    assertThat(opened.getContext().getQueue()).isEqualTo("billing");
    assertThat(opened.getMessage()).contains("Customer").contains("3 consecutive");
    assertThat(opened.getResolution()).as("only RESOLVED says why").isNull();
  }

  @Test
  void shouldOpenWhenTheNegativeEwmaStaysAboveTheThresholdForTheOpenDuration() {
    AlertRules rules = rules(Map.of("alerts.consecutive-negative", "20"));
    // Labelled NEUTRAL but 70 % negative: only the EWMA rule can fire.
    for (long t = 4000; t <= 12_000; t += 4000) {
      assertThat(feed(scored("u" + t, EmotionLabel.NEUTRAL, 0.7, t), rules)).isNull();
    }
    EmotionAlert opened = feed(scored("u16000", EmotionLabel.NEUTRAL, 0.7, 16_000), rules);

    assertThat(opened.getRule()).isEqualTo(AlertStateMachine.NEGATIVE_EWMA);
    assertThat(opened.getEvidenceUtteranceIds()).containsExactly("u4000", "u8000", "u12000", "u16000");
    assertThat(opened.getSeverity()).isEqualTo(AlertSeverity.WARNING);
    assertThat(opened.getEwmaNegative()).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void shouldNotFlapWhileTheEwmaHoversAroundTheOpenThreshold() {
    AlertRules rules = rules(Map.of());
    feed(angry("u1", 1000), rules);
    feed(angry("u2", 2000), rules);
    assertThat(feed(angry("u3", 3000), rules).getStatus()).isEqualTo(AlertStatus.OPENED);

    // Swings across 0.6 and down to ~0.4, never under 0.35 for long: neither a second OPEN
    // nor a RESOLVED may come out of it.
    double[] swings = {0.3, 0.3, 0.9, 0.2, 0.8, 0.3, 0.3, 0.9, 0.2, 0.5, 0.4, 0.6, 0.3, 0.7};
    long t = 3000;
    for (int i = 0; i < swings.length; i++) {
      t += 5000;
      feed(scored("s" + i, swings[i] > 0.5 ? EmotionLabel.ANGRY : EmotionLabel.NEUTRAL, swings[i], t), rules);
    }
    assertThat(emitted).hasSize(1);
    assertThat(state.open()).isNotNull();
  }

  @Test
  void shouldResolveOnlyAfterTheEwmaStaysUnderTheResolveThresholdForTheResolveDuration() {
    // The calm-utterance path off, so only the EWMA can resolve.
    AlertRules rules = rules(Map.of("alerts.calm-utterances", "0"));
    feed(angry("u1", 1000), rules);
    feed(angry("u2", 2000), rules);
    feed(angry("u3", 3000), rules);

    long t = 3000;
    Long firstBelow = null;
    EmotionAlert resolved = null;
    while (resolved == null && t < 120_000) {
      t += 5000;
      resolved = feed(scored("n" + t, EmotionLabel.NEUTRAL, 0.0, t), rules);
      if (firstBelow == null && state.ewmaNegative() < 0.35) {
        firstBelow = t;
      }
    }

    assertThat(resolved).isNotNull();
    assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.getAlertId()).isEqualTo("c1-CUSTOMER-1");
    assertThat(resolved.getRule()).isEqualTo(AlertStateMachine.CONSECUTIVE_NEGATIVE);
    assertThat(resolved.getCallOffsetMs()).isEqualTo(firstBelow + 15_000);
    assertThat(resolved.getEvidenceUtteranceIds()).hasSize(4).last().isEqualTo("n" + t);
    assertThat(resolved.getResolution()).isEqualTo(AlertResolution.CALMED);
    assertThat(resolved.getMessage()).contains("calmed down").contains("EWMA");
    assertThat(state.open()).isNull();
  }

  @Test
  void shouldResolveAsCalmedAfterConsecutiveCalmUtterancesWhileTheEwmaIsStillHigh() {
    AlertRules rules = rules(Map.of());
    for (int i = 1; i <= 5; i++) {
      feed(angry("a" + i, i * 1000L), rules);
    }
    assertThat(feed(scored("n1", EmotionLabel.NEUTRAL, 0.1, 8000), rules)).as("one calm utterance").isNull();
    EmotionAlert resolved = feed(scored("h1", EmotionLabel.HAPPY, 0.05, 11_000), rules);

    assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.getResolution()).isEqualTo(AlertResolution.CALMED);
    assertThat(resolved.getEvidenceUtteranceIds()).containsExactly("n1", "h1");
    assertThat(resolved.getEwmaNegative()).as("the EWMA alone would not have cleared yet").isGreaterThan(0.35);
    assertThat(resolved.getMessage()).isEqualTo("Customer calmed down: 2 calm utterances in a row [NEUTRAL, HAPPY]");
    assertThat(state.open()).isNull();
  }

  @Test
  void shouldJudgeLateUtterancesInCallOrderSoAnEscalationThatCalmedDownOpensAndResolvesAtOnce() {
    AlertRules rules = rules(Map.of("alerts.ewma-open-duration", "1h"));
    // the escalation call as the assembler can emit it under load: the first angry lines last
    feed(angry("u10", 33_000), rules);
    feed(angry("u12", 40_000), rules);
    feed(scored("u14", EmotionLabel.HAPPY, 0.1, 48_000), rules);
    feed(scored("u16", EmotionLabel.HAPPY, 0.2, 57_000), rules);
    assertThat(feed(angry("u6", 21_000), rules)).as("u6, u10, u12: three negative in call order").isNotNull();
    feed(angry("u8", 27_000), rules);
    feed(angry("u9", 29_000), rules);

    assertThat(emitted).extracting(EmotionAlert::getStatus).containsExactly(AlertStatus.OPENED, AlertStatus.RESOLVED);
    assertThat(emitted.get(0).getEvidenceUtteranceIds()).containsExactly("u6", "u10", "u12");
    assertThat(emitted.get(0).getCallOffsetMs()).isEqualTo(40_000);
    assertThat(emitted.get(1).getResolution()).isEqualTo(AlertResolution.CALMED);
    assertThat(emitted.get(1).getEvidenceUtteranceIds()).containsExactly("u14", "u16");
    assertThat(emitted.get(1).getCallOffsetMs()).isEqualTo(57_000);
    assertThat(emitted.get(1).getAlertId()).isEqualTo(emitted.get(0).getAlertId());
    assertThat(state.open()).isNull();
  }

  @Test
  void shouldOpenOnALateNegativeRunThatTheCallerHasNotCalmedDownFrom() {
    AlertRules rules = rules(Map.of("alerts.ewma-open-duration", "1h"));
    feed(angry("u3", 3000), rules);
    feed(angry("u1", 1000), rules);
    EmotionAlert opened = feed(angry("u2", 2000), rules);

    assertThat(opened.getStatus()).isEqualTo(AlertStatus.OPENED);
    assertThat(opened.getEvidenceUtteranceIds()).containsExactly("u1", "u2", "u3");
    assertThat(emitted).hasSize(1);
    assertThat(state.open()).isNotNull();
  }

  @Test
  void shouldNeitherBreakNorExtendANegativeRunWithAnUnsureUtteranceThatIsNotCalm() {
    AlertRules rules = rules(Map.of("alerts.ewma-open-duration", "1h"));
    feed(angry("a1", 1000), rules);
    assertThat(feed(unsure(scored("maybe", EmotionLabel.NEUTRAL, 0.4, 2000)), rules)).isNull();
    assertThat(state.negativeRun()).as("an unsure, not calm NEUTRAL").hasSize(1);
    feed(angry("a2", 3000), rules);
    EmotionAlert opened = feed(angry("a3", 4000), rules);
    assertThat(opened.getEvidenceUtteranceIds()).containsExactly("a1", "a2", "a3");

    AlertStateMachineTest other = new AlertStateMachineTest();
    other.feed(angry("b1", 1000), rules);
    other.feed(unsure(scored("calm", EmotionLabel.NEUTRAL, 0.1, 2000)), rules);
    assertThat(other.state.negativeRun()).as("an unsure but calm NEUTRAL breaks the run").isEmpty();
    other.feed(scored("sure", EmotionLabel.NEUTRAL, 0.4, 2500), rules);
    assertThat(other.state.negativeRun()).as("a confident NEUTRAL breaks it too").isEmpty();
  }

  @Test
  void shouldKeepARunAcrossAnUnsureUtteranceWhenJudgingLateUtterancesInCallOrder() {
    AlertRules rules = rules(Map.of("alerts.ewma-open-duration", "1h"));
    feed(angry("a1", 1000), rules);
    feed(unsure(scored("maybe", EmotionLabel.NEUTRAL, 0.4, 2000)), rules);
    feed(angry("a3", 4000), rules);
    EmotionAlert opened = feed(angry("late", 3000), rules);
    assertThat(opened.getEvidenceUtteranceIds()).containsExactly("a1", "late", "a3");
  }

  @Test
  void shouldNotCountANeutralLabelWithMuchAngerOrAnInterruptedRunAsCalm() {
    AlertRules rules = rules(Map.of());
    feed(angry("a1", 1000), rules);
    feed(angry("a2", 2000), rules);
    feed(angry("a3", 3000), rules);
    assertThat(feed(scored("n1", EmotionLabel.NEUTRAL, 0.1, 4000), rules)).isNull();
    assertThat(feed(scored("mixed", EmotionLabel.NEUTRAL, 0.4, 5000), rules)).as("neutral but 40 % negative").isNull();
    assertThat(feed(scored("n2", EmotionLabel.NEUTRAL, 0.1, 6000), rules)).as("the run started again").isNull();
    assertThat(feed(scored("n3", EmotionLabel.NEUTRAL, 0.1, 7000), rules).getResolution())
        .isEqualTo(AlertResolution.CALMED);
  }

  @Test
  void shouldNotOpenANewEpisodeDuringTheCooldown() {
    AlertRules rules = rules(Map.of("alerts.resolve-duration", "0s", "alerts.cooldown", "30s",
        "alerts.ewma-alpha", "1"));
    feed(angry("u1", 1000), rules);
    feed(angry("u2", 2000), rules);
    feed(angry("u3", 3000), rules);
    EmotionAlert resolved = feed(scored("n1", EmotionLabel.NEUTRAL, 0.0, 4000), rules);
    assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);

    for (long t = 5000; t < 34_000; t += 1000) {
      assertThat(feed(angry("a" + t, t), rules)).as("cooling down at %d ms", t).isNull();
    }
    EmotionAlert again = feed(angry("late", 34_000), rules);

    assertThat(again.getStatus()).isEqualTo(AlertStatus.OPENED);
    assertThat(again.getAlertId()).isEqualTo("c1-CUSTOMER-2");
  }

  @Test
  void shouldResolveAnAlertStillOpenWhenTheCallEnds() {
    AlertRules rules = rules(Map.of());
    feed(angry("u1", 1000), rules);
    feed(angry("u2", 2000), rules);
    feed(angry("u3", 3000), rules);

    EmotionAlert resolved = AlertStateMachine.callEnded(state, "c1", SpeakerRole.CUSTOMER, 42L);

    assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.getAlertId()).isEqualTo("c1-CUSTOMER-1");
    assertThat(resolved.getCallOffsetMs()).isEqualTo(3000);
    assertThat(resolved.getContext().getAgentId()).isEqualTo("agent-7");
    assertThat(resolved.getResolution()).isEqualTo(AlertResolution.CALL_ENDED);
    assertThat(AlertStateMachine.callEnded(AlertState.initial(), "c1", SpeakerRole.CUSTOMER, 42L)).isNull();
  }
}
