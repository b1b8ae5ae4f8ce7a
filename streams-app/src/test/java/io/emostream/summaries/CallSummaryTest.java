package io.emostream.summaries;

import static io.emostream.scoring.ScoringDriver.agent;
import static io.emostream.scoring.ScoringDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.EmotionPeak;
import io.emostream.avro.LabelCounts;
import io.emostream.avro.RoleSummary;
import io.emostream.avro.SpeakerRole;
import io.emostream.scoring.FixedOutputModel;
import io.emostream.scoring.ScoringDriver;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One {@link CallEmotionSummary} per call on CALL_ENDED. */
class CallSummaryTest {

  @TempDir
  Path stateDir;

  @Test
  void shouldSummariseRolesCustomerShiftPeaksAndAlertsWhenTheCallEnds() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of(
        "inference.max-batch", "4", "inference.max-delay", "1m",
        "summaries.start-utterances", "2", "summaries.end-utterances", "2", "summaries.peaks", "2"))) {
      d.start("c1", ScoringDriver.context(), 0);
      d.pipe(customer("c1", "c-1", 0, 1000, "angry start"));
      d.pipe(agent("c1", "a-1", 1000, 2000, "hello"));
      d.pipe(customer("c1", "c-2", 2000, 3000, "angry still"));
      d.pipe(customer("c1", "c-3", 3000, 4000, "sad now"));
      d.pipe(agent("c1", "a-2", 4000, 5000, "happy to help"));
      d.pipe(customer("c1", "c-4", 5000, 6000, "neutral"));
      d.pipe(customer("c1", "c-5", 6000, 7000, "happy end"));
      d.end("c1", 8000);

      TestRecord<String, CallEmotionSummary> record = d.summaries.readRecord();
      assertThat(d.summaries.isEmpty()).as("exactly one summary").isTrue();
      assertThat(record.key()).isEqualTo("c1");
      CallEmotionSummary s = record.value();
      assertThat(s.getContext()).isEqualTo(ScoringDriver.context());
      assertThat(s.getStartedAt()).isEqualTo(ScoringDriver.START);
      assertThat(s.getEndedAt()).isEqualTo(ScoringDriver.START.plusMillis(8000));
      assertThat(s.getUtteranceCount()).isEqualTo(7);
      assertThat(s.getRoles()).extracting(RoleSummary::getRole).containsExactly(SpeakerRole.AGENT, SpeakerRole.CUSTOMER);
      RoleSummary customer = s.getRoles().get(1);
      assertThat(customer.getUtteranceCount()).isEqualTo(5);
      assertThat(customer.getLabelCounts()).isEqualTo(new LabelCounts(1L, 1L, 2L, 1L));
      assertThat(customer.getNegativeShare()).isCloseTo(0.6, within(1e-9));
      assertThat(customer.getMeanValence()).isCloseTo((-0.8 - 0.8 - 0.6 + 0 + 0.7) / 5, within(1e-6));
      assertThat(s.getRoles().get(0).getMeanValence()).isCloseTo(0.35, within(1e-6));
      assertThat(s.getCustomerStartValence()).isCloseTo(-0.8, within(1e-6));
      assertThat(s.getCustomerEndValence()).isCloseTo(0.35, within(1e-6));
      assertThat(s.getCustomerShift()).isCloseTo(1.15, within(1e-6));
      assertThat(s.getPeaks()).extracting(EmotionPeak::getUtteranceId).containsExactly("c-1", "c-2");
      assertThat(s.getPeaks()).extracting(EmotionPeak::getLabel).containsOnly(EmotionLabel.ANGRY);
      assertThat(s.getPeaks().get(0).getNegativity()).isCloseTo(0.9, within(1e-6));
      assertThat(s.getAlertCount()).as("c-1, c-2, c-3 are three negatives in a row").isEqualTo(1);
      assertThat(s.getModelName()).isEqualTo("fixed-output");
      assertThat(s.getModelVersion()).isEqualTo("1.2.3");
    }
  }

  @Test
  void shouldListOnlyNegativeMomentsAsPeaksEvenWhenThereAreFewerThanAsked() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of(
        "inference.max-batch", "1", "summaries.peaks", "5"))) {
      d.pipe(customer("c1", "c-1", 0, 1000, "happy hello"));
      d.pipe(customer("c1", "c-2", 1000, 2000, "angry about the bill"));
      d.pipe(customer("c1", "c-3", 2000, 3000, "neutral question"));
      d.pipe(customer("c1", "c-4", 3000, 4000, "happy thanks"));
      d.end("c1", 5000);

      CallEmotionSummary s = d.summaries.readValue();
      assertThat(s.getPeaks()).as("HAPPY and NEUTRAL lines carry 10 %% anger or sadness, yet are no peaks")
          .extracting(EmotionPeak::getUtteranceId).containsExactly("c-2");
    }
  }

  @Test
  void shouldForgetTheCallAfterItsSummary() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of("inference.max-batch", "1"))) {
      d.pipe(agent("c1", "a-1", 0, 1000, "hello"));
      d.end("c1", 2000);
      d.end("c1", 3000);

      CallEmotionSummary first = d.summaries.readValue();
      CallEmotionSummary repeat = d.summaries.readValue();
      assertThat(first.getUtteranceCount()).isEqualTo(1);
      assertThat(first.getStartedAt()).as("no CALL_STARTED seen").isNull();
      assertThat(first.getCustomerStartValence()).as("no customer speech").isNull();
      assertThat(first.getCustomerShift()).isNull();
      assertThat(repeat.getUtteranceCount()).isZero();
      assertThat(repeat.getRoles()).isEmpty();
    }
  }
}
