package io.emostream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.testing.ScriptedCall;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import io.emostream.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application on the real embedded broker, the real dev registry and the real DJL
 * runtime (a randomly initialised network: its labels are arbitrary, so this test asserts the
 * plumbing — exactly-once counts, enrichment, rollups, summary — not the emotions).
 */
class EmostreamAppIT {

  @TempDir
  Path stateDir;

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldScoreEveryFinalTranscriptOnceAndSummariseTheCall() {
    String prefix = "app-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    EmostreamConfig config = EmostreamConfig.of(settings(prefix));
    TopicNames names = TopicNames.from(config.asMap());
    ScriptedCall call = new ScriptedCall("call-" + UUID.randomUUID())
        .say(0, 300, 2_300, "thank you for calling acme billing how can i help")
        .say(1, 2_600, 5_000, "i was charged twice this month and nobody answers")
        .say(0, 5_300, 7_000, "i am sorry let me look at your account")
        .say(1, 7_200, 9_800, "this is ridiculous i want my money back now")
        .say(0, 10_000, 12_500, "i have refunded the second charge today")
        .say(1, 12_800, 14_000, "oh great thank you so much");

    DjlEmotionModel model = DjlEmotionModel.createRandom(
        Manifests.crossModal("random-it", "0", NetConfig.DEFAULT, 42), 42, DeviceSpec.CPU);
    try (EmostreamApp app = EmostreamApp.start(config, model, true, null)) {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
      TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);
      io.publish(names, call.records());

      List<ScoredUtterance> scored = io.readCommitted(names.utterances(),
          v -> v.size() >= call.lines().size(), Duration.ofSeconds(90), Duration.ofSeconds(2));
      assertThat(scored).extracting(ScoredUtterance::getUtteranceId)
          .containsExactlyInAnyOrderElementsOf(call.utteranceIds());
      assertThat(scored).allSatisfy(u -> {
        assertThat(u.getContext().getAgentId()).isEqualTo("agent-7");
        assertThat(u.getModalities()).hasSize(2);
        assertThat(u.getModelName()).isEqualTo("random-it");
      });
      assertThat(scored).filteredOn(u -> u.getChannel() == 1)
          .allSatisfy(u -> assertThat(u.getRole()).isEqualTo(SpeakerRole.CUSTOMER));

      List<CallEmotionRollup> rollups = io.readCommitted(names.calls(),
          v -> v.size() >= call.lines().size(), Duration.ofSeconds(30), Duration.ZERO);
      assertThat(rollups).extracting(CallEmotionRollup::getRole).contains(SpeakerRole.AGENT, SpeakerRole.CUSTOMER);

      List<CallEmotionSummary> summaries = io.readCommitted(names.summaries(),
          v -> !v.isEmpty(), Duration.ofSeconds(30), Duration.ofSeconds(1));
      assertThat(summaries).hasSize(1);
      assertThat(summaries.get(0).getUtteranceCount()).isEqualTo(call.lines().size());
      assertThat(summaries.get(0).getCustomerShift()).isNotNull();

      assertThat(io.countCommitted(names.deadLetters(), Duration.ofSeconds(1))).isZero();
      assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  private Map<String, String> settings(String prefix) {
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", kafka.bootstrapServers());
    s.put("schema.registry.url", registry);
    s.put("application.id", prefix + "app");
    s.put("topics.prefix", prefix);
    s.put("topics.create", "true");
    s.put("topics.partitions", "2");
    s.put("state.dir", stateDir.toString());
    s.put("commit.interval.ms", "200");
    s.put("serving.port", "0");
    return s;
  }
}
