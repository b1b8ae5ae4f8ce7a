package io.emostream.scoring;

import static io.emostream.scoring.ScoringDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.avro.EmotionLabel;
import io.emostream.avro.Modality;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a published {@link ScoredUtterance} carries: scores, enrichment, timings, text. */
class ScoredUtteranceContentTest {

  @TempDir
  Path stateDir;

  @Test
  void shouldEnrichTheScoreWithCallContextRoleModelAndTimings() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of())) {
      byte[] audio = new byte[3200];
      d.pipe(ScoringDriver.utterance("c1", "u1", 1, SpeakerRole.AGENT, 500, 1500, "angry words", audio));

      ScoredUtterance u = d.scored.readValue();
      assertThat(u.getCallId()).isEqualTo("c1");
      assertThat(u.getRole()).isEqualTo(SpeakerRole.AGENT);
      assertThat(u.getChannel()).isEqualTo(1);
      assertThat(u.getContext()).isEqualTo(ScoringDriver.context());
      assertThat(u.getLabel()).isEqualTo(EmotionLabel.ANGRY);
      assertThat(u.getProbabilities().getAngry()).isCloseTo(0.85, within(1e-6));
      assertThat(u.getConfidence()).isCloseTo(0.85, within(1e-6));
      assertThat(u.getValence()).isCloseTo(-0.8, within(1e-6));
      assertThat(u.getArousal()).isCloseTo(0.9, within(1e-6));
      assertThat(u.getModalities()).containsExactly(Modality.AUDIO, Modality.TEXT);
      assertThat(u.getModelName()).isEqualTo("fixed-output");
      assertThat(u.getModelVersion()).isEqualTo("1.2.3");
      assertThat(u.getTimings().getTranscriptTimestamp()).isEqualTo(ScoringDriver.START.plusMillis(1500));
      assertThat(u.getTimings().getAssembledAt()).isEqualTo(ScoringDriver.START.plusMillis(1505));
      assertThat(u.getTimings().getScoredAt()).isEqualTo(ScoringDriver.START);
      assertThat(u.getTimings().getBatchSize()).isEqualTo(1);
      assertThat(u.getTimings().getModelMs()).isGreaterThanOrEqualTo(0.0);
    }
  }

  @Test
  void shouldMaskCardAndSpokenNumbersWhenTextIsRedacted() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(),
        Map.of("output.include-text", "redacted"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "my card is 4111 1111-1111 1111 and I have 2 kids"));
      d.pipe(customer("c1", "u2", 1000, 2000, "the pin is nine one three six"));
      assertThat(d.scored.readValue().getText()).isEqualTo("my card is [card] and I have 2 kids");
      assertThat(d.scored.readValue().getText()).isEqualTo("the pin is # # # #");
    }
  }

  @Test
  void shouldPublishNoTextWhenTextIsOff() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(),
        Map.of("output.include-text", "none"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "happy account 12345678"));
      ScoredUtterance u = d.scored.readValue();
      assertThat(u.getText()).isNull();
      assertThat(u.getLabel()).as("still scored from the text").isEqualTo(EmotionLabel.HAPPY);
    }
  }

  @Test
  void shouldRedactTextByDefault() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of("inference.max-batch", "1"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "account 12345678, mail jo at example dot com"));
      assertThat(d.scored.readValue().getText()).isEqualTo("account ########, mail [email]");
    }
  }

  @Test
  void shouldPublishTheTranscriptAsItIsWhenTextIsFull() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(),
        Map.of("inference.max-batch", "1", "output.include-text", "full"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "account 12345678"));
      assertThat(d.scored.readValue().getText()).isEqualTo("account 12345678");
    }
  }
}
