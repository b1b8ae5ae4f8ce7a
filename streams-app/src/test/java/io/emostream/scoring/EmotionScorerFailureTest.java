package io.emostream.scoring;

import static io.emostream.scoring.ScoringDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.Utterance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, dead letters and start-up checks of the {@link EmotionScorer}. */
class EmotionScorerFailureTest {

  @TempDir
  Path stateDir;

  private final FixedOutputModel model = new FixedOutputModel();

  @Test
  void shouldRetryWithDoublingBackoffAndScoreWhenTheModelRecovers() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model, Map.of("inference.max-batch", "2",
        "inference.retries", "3", "inference.retry-backoff", "100ms"))) {
      model.failNext(2);
      d.pipe(customer("c1", "u1", 0, 1000, "hello"));
      d.pipe(customer("c1", "u2", 1000, 2000, "angry"));

      assertThat(d.scored.readValuesToList()).hasSize(2);
      assertThat(d.deadLetters.isEmpty()).isTrue();
      assertThat(d.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(model.batchSizes).containsExactly(2, 2, 2);
    }
  }

  @Test
  void shouldDeadLetterOnlyThePoisonUtteranceAndScoreTheRestOfItsBatch() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model, Map.of("inference.max-batch", "3",
        "inference.retries", "2", "inference.retry-backoff", "10ms"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "hello"));
      d.pipe(customer("c1", "u2", 1000, 2000, "this is poison"));
      d.pipe(customer("c1", "u3", 2000, 3000, "sad"));

      assertThat(d.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId)
          .containsExactly("u1", "u3");
      TestRecord<String, byte[]> dead = d.deadLetters.readRecord();
      assertThat(dead.key()).isEqualTo("c1");
      Headers headers = dead.headers();
      assertThat(header(headers, DeadLetterHeaders.UTTERANCE_ID)).isEqualTo("u2");
      assertThat(header(headers, DeadLetterHeaders.CALL_ID)).isEqualTo("c1");
      assertThat(header(headers, DeadLetterHeaders.EXCEPTION)).isEqualTo("io.emostream.model.ModelException");
      assertThat(header(headers, DeadLetterHeaders.REASON)).contains("c1/u2").contains("4 attempts");
      Utterance original = d.utteranceSerde.deserializer().deserialize("any", dead.value());
      assertThat(original.getText()).isEqualTo("this is poison");
      assertThat(d.deadLetters.isEmpty()).isTrue();
      // 3 tries of the batch, then u1, u2, u3 alone
      assertThat(model.batchSizes).containsExactly(3, 3, 3, 1, 1, 1);
    }
  }

  @Test
  void shouldKeepScoringAfterDeadLetteringAnUtteranceWithNothingToScore() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model, Map.of("inference.max-batch", "1"))) {
      d.pipe(ScoringDriver.utterance("c1", "empty", 0, SpeakerRole.CUSTOMER, 0, 1000, null, null));
      d.pipe(customer("c1", "u2", 1000, 2000, "happy"));

      assertThat(header(d.deadLetters.readRecord().headers(), DeadLetterHeaders.REASON))
          .contains("c1/empty").contains("neither audio nor text");
      assertThat(d.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId).containsExactly("u2");
      assertThat(model.batchSizes).containsExactly(1);
    }
  }

  @Test
  void shouldRejectAModelWhoseLabelsDoNotCoverTheFourEmotionClasses() {
    FixedOutputModel threeClass = new FixedOutputModel(List.of("neutral", "happy", "angry"));
    assertThatThrownBy(() -> new ScoringDriver(stateDir, threeClass, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fixed-output 1.2.3")
        .hasMessageContaining("lacks 'sad'");
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
