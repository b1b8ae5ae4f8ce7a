package io.emostream.scoring;

import static io.emostream.scoring.ScoringDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.Utterance;
import io.emostream.deadletters.DeadLetterHeaders;
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
  void shouldRetryAfterADoublingBackoffWithoutHoldingTheThreadAndScoreWhenTheModelRecovers() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model, Map.of(
        "inference.retries", "3", "inference.retry-backoff", "100ms"))) {
      model.failNext(2);
      d.pipe(customer("c1", "u1", 0, 1000, "hello"));
      d.advanceWallClock(Duration.ofMillis(100)); // first retry, fails again
      assertThat(model.batchSizes).hasSize(2);
      d.pipe(customer("c1", "u2", 1000, 2000, "angry"));
      assertThat(model.batchSizes).as("u2 was scored while u1 waits for its retry").hasSize(3);
      assertThat(d.scored.isEmpty()).as("u2 waits behind u1").isTrue();
      d.advanceWallClock(Duration.ofMillis(100));
      assertThat(model.batchSizes).as("the second retry waits 200 ms").hasSize(3);
      d.advanceWallClock(Duration.ofMillis(100));

      assertThat(d.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId).containsExactly("u1", "u2");
      assertThat(d.deadLetters.isEmpty()).isTrue();
      assertThat(model.batchSizes).hasSize(4);
    }
  }

  @Test
  void shouldDeadLetterOnlyThePoisonUtteranceAndScoreTheRest() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model, Map.of(
        "inference.retries", "2", "inference.retry-backoff", "10ms"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "hello"));
      d.pipe(customer("c1", "u2", 1000, 2000, "this is poison"));
      d.pipe(customer("c1", "u3", 2000, 3000, "sad"));
      d.advanceWallClock(Duration.ofMillis(10));
      d.advanceWallClock(Duration.ofMillis(20));

      assertThat(d.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId)
          .containsExactly("u1", "u3");
      TestRecord<String, byte[]> dead = d.deadLetters.readRecord();
      assertThat(dead.key()).isEqualTo("c1");
      Headers headers = dead.headers();
      assertThat(header(headers, DeadLetterHeaders.UTTERANCE_ID)).isEqualTo("u2");
      assertThat(header(headers, DeadLetterHeaders.CALL_ID)).isEqualTo("c1");
      assertThat(header(headers, DeadLetterHeaders.EXCEPTION)).isEqualTo("io.emostream.model.ModelException");
      assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("MODEL_FAILED");
      assertThat(header(headers, DeadLetterHeaders.STAGE)).isEqualTo("scoring");
      assertThat(header(headers, DeadLetterHeaders.DETAIL)).contains("c1/u2").contains("3 attempts");
      assertThat(header(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
      // assembled from many records: no single source position
      assertThat(header(headers, DeadLetterHeaders.TOPIC)).isEmpty();
      assertThat(header(headers, DeadLetterHeaders.PARTITION)).isEqualTo("-1");
      assertThat(header(headers, DeadLetterHeaders.OFFSET)).isEqualTo("-1");
      Utterance original = d.utteranceSerde.deserializer().deserialize("any", dead.value());
      assertThat(original.getText()).isEqualTo("this is poison");
      assertThat(d.deadLetters.isEmpty()).isTrue();
      double counted = d.driver.metrics().entrySet().stream()
          .filter(m -> m.getKey().name().equals("dead-letter-total")
              && "model_failed".equals(m.getKey().tags().get("emostream-dead-letters-id")))
          .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum();
      assertThat(counted).as("scorer dead letters are counted by reason").isEqualTo(1);
      // u1, u2, u3 once each, then u2's two retries
      assertThat(model.batchSizes).containsExactly(1, 1, 1, 1, 1);
    }
  }

  @Test
  void shouldKeepScoringAfterDeadLetteringAnUtteranceWithNothingToScore() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model, Map.of())) {
      d.pipe(ScoringDriver.utterance("c1", "empty", 0, SpeakerRole.CUSTOMER, 0, 1000, null, null));
      d.pipe(customer("c1", "u2", 1000, 2000, "happy"));

      Headers headers = d.deadLetters.readRecord().headers();
      assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("UNSCORABLE");
      assertThat(header(headers, DeadLetterHeaders.DETAIL)).contains("c1/empty").contains("neither audio nor text");
      assertThat(header(headers, DeadLetterHeaders.UTTERANCE_ID)).isEqualTo("empty");
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
