package io.emostream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AlertResolution;
import io.emostream.avro.AlertStatus;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.schemas.calls.CallRecording;
import io.emostream.schemas.calls.CallReplayPlan;
import io.emostream.schemas.calls.RecordedUtterance;
import io.emostream.schemas.calls.ReplayRecord;
import io.emostream.schemas.calls.ReplaySettings;
import io.emostream.testing.AppSettings;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import io.emostream.topics.TopicNames;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's end-to-end check with everything real: the embedded broker, the dev registry, the
 * bundled demo model on the DJL runtime, and the demo's escalation call (espeak-ng speech on two
 * channels with its transcripts) in which the customer gets angry and is calmed down.
 */
class EscalationCallIT {

  @TempDir
  Path dir;

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldScoreEachTranscriptOnceOpenAndResolveOneAlertAndSummariseTheCall() throws Exception {
    String prefix = "escalation-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    EmostreamConfig config = EmostreamConfig.of(settings(prefix));
    TopicNames names = TopicNames.from(config.asMap());
    CallRecording recording = CallRecording.load(bundledCall("demo-escalation"));
    String callId = prefix + "call";
    List<ReplayRecord> plan = CallReplayPlan.of(recording, callId, ReplaySettings.defaults(), Instant.now()).records();
    int transcripts = recording.utterances().size();

    try (EmostreamApp app = EmostreamApp.start(config)) {
      Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);
      TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);
      io.publish(names, plan.stream().map(ReplayRecord::value).toList());

      List<ScoredUtterance> scored = io.readCommitted(names.utterances(), v -> v.size() >= transcripts,
          Duration.ofSeconds(120), Duration.ofSeconds(2));
      assertThat(scored).extracting(ScoredUtterance::getUtteranceId)
          .containsExactlyInAnyOrderElementsOf(recording.utterances().stream().map(RecordedUtterance::utteranceId).toList());
      assertThat(scored).filteredOn(u -> u.getRole() == SpeakerRole.CUSTOMER)
          .extracting(ScoredUtterance::getLabel).contains(EmotionLabel.ANGRY);

      List<CallEmotionSummary> summaries = io.readCommitted(names.summaries(), v -> !v.isEmpty(),
          Duration.ofSeconds(60), Duration.ofSeconds(1));
      assertThat(summaries).hasSize(1);
      CallEmotionSummary summary = summaries.get(0);
      assertThat(summary.getUtteranceCount()).isEqualTo(transcripts);
      assertThat(summary.getAlertCount()).isEqualTo(1);
      assertThat(summary.getCustomerShift()).as("the customer ends calmer than at the peak").isNotNull();

      List<EmotionAlert> alerts = io.readCommitted(names.alerts(), v -> v.size() >= 2, Duration.ofSeconds(10),
          Duration.ofSeconds(1));
      assertThat(alerts).extracting(EmotionAlert::getStatus).containsExactly(AlertStatus.OPENED, AlertStatus.RESOLVED);
      assertThat(alerts).allSatisfy(a -> {
        assertThat(a.getRole()).isEqualTo(SpeakerRole.CUSTOMER);
        assertThat(a.getAlertId()).isEqualTo(alerts.get(0).getAlertId());
      });
      assertThat(alerts.get(0).getEvidenceUtteranceIds()).isNotEmpty();
      // The README says the customer is calmed down: the alert resolves for that reason, on one
      // of the customer's own utterances after the refund, before the call ends.
      EmotionAlert resolved = alerts.get(1);
      scored.stream().filter(u -> u.getRole() == SpeakerRole.CUSTOMER).forEach(u -> System.out.printf(
          "escalation %s %s negativity %.3f%n", u.getUtteranceId(), u.getLabel(),
          u.getProbabilities().getAngry() + u.getProbabilities().getSad()));
      assertThat(resolved.getResolution()).as(resolved.getMessage()).isEqualTo(AlertResolution.CALMED);
      long callEndedDue = plan.stream().filter(r -> r.value() instanceof CallEvent e
          && e.getType() == CallEventType.CALL_ENDED).mapToLong(ReplayRecord::dueMs).max().orElseThrow();
      long lastCustomerEnd = recording.utterances().stream().filter(u -> u.channel() == 1)
          .mapToLong(RecordedUtterance::endMs).max().orElseThrow();
      assertThat(resolved.getCallOffsetMs()).isLessThanOrEqualTo(lastCustomerEnd).isLessThan(callEndedDue);
      assertThat(resolved.getEvidenceUtteranceIds()).isNotEmpty().doesNotContainAnyElementsOf(
          alerts.get(0).getEvidenceUtteranceIds());

      List<CallEmotionRollup> rollups = io.readCommitted(names.calls(), v -> v.size() >= transcripts,
          Duration.ofSeconds(30), Duration.ZERO);
      assertThat(rollups).hasSize(transcripts);
      assertThat(rollups).extracting(CallEmotionRollup::getRole).contains(SpeakerRole.AGENT, SpeakerRole.CUSTOMER);
      assertThat(io.countCommitted(names.deadLetters(), Duration.ofSeconds(1))).isZero();
    }
  }

  private Path bundledCall(String id) throws Exception {
    for (String suffix : List.of(".json", ".wav")) {
      try (InputStream in = getClass().getResourceAsStream("/io/emostream/demo/calls/" + id + suffix)) {
        assertThat(in).as("bundled demo call %s%s", id, suffix).isNotNull();
        Files.copy(in, dir.resolve(id + suffix));
      }
    }
    return dir.resolve(id + ".json");
  }

  private Map<String, String> settings(String prefix) {
    return AppSettings.isolated(prefix, dir.resolve("state"));
  }
}
