package io.emostream.scoring;

import static io.emostream.scoring.ScoringDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.Utterance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Micro-batching of the {@link EmotionScorer}: by size, by delay, on call end, after restart. */
class EmotionScorerBatchingTest {

  @TempDir
  Path stateDir;

  private final FixedOutputModel model = new FixedOutputModel();

  @Test
  void shouldCallTheModelOnceWhenMaxBatchUtterancesWait() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model,
        Map.of("inference.max-batch", "3", "inference.max-delay", "1m"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "hello"));
      d.pipe(customer("c1", "u2", 1000, 2000, "angry now"));
      assertThat(d.scored.isEmpty()).as("two of three wait").isTrue();
      d.pipe(customer("c1", "u3", 2000, 3000, "sad too"));

      List<ScoredUtterance> out = d.scored.readValuesToList();
      assertThat(out).extracting(ScoredUtterance::getUtteranceId).containsExactly("u1", "u2", "u3");
      assertThat(out).allSatisfy(u -> assertThat(u.getTimings().getBatchSize()).isEqualTo(3));
      assertThat(model.batchSizes).containsExactly(3);
    }
  }

  @Test
  void shouldFlushAPartialBatchOnceTheOldestUtteranceHasWaitedMaxDelay() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model,
        Map.of("inference.max-batch", "16", "inference.max-delay", "100ms"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "hello"));
      d.advanceWallClock(Duration.ofMillis(40));
      d.pipe(customer("c1", "u2", 1000, 2000, "happy days"));
      d.advanceWallClock(Duration.ofMillis(50));
      assertThat(d.scored.isEmpty()).as("oldest has waited 90 ms").isTrue();

      d.advanceWallClock(Duration.ofMillis(50));

      List<ScoredUtterance> out = d.scored.readValuesToList();
      assertThat(out).extracting(ScoredUtterance::getUtteranceId).containsExactly("u1", "u2");
      assertThat(model.batchSizes).containsExactly(2);
      assertThat(out.get(0).getTimings().getQueueMs()).isGreaterThanOrEqualTo(100.0);
      assertThat(out.get(1).getTimings().getQueueMs()).isBetween(50.0, 100.0);
    }
  }

  @Test
  void shouldScoreEveryPendingUtteranceOfACallBeforeForwardingItsEnd() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model,
        Map.of("inference.max-batch", "16", "inference.max-delay", "1m"))) {
      d.start("c1", ScoringDriver.context(), 0);
      d.pipe(customer("c1", "u1", 0, 1000, "angry start"));
      d.pipe(customer("c1", "u2", 1000, 2000, "happy end"));
      assertThat(d.scored.isEmpty()).isTrue();

      d.end("c1", 3000);

      assertThat(d.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId)
          .containsExactly("u1", "u2");
      CallEmotionSummary summary = d.summaries.readValue();
      assertThat(summary.getUtteranceCount()).as("the summary saw both scores").isEqualTo(2);
    }
  }

  @Test
  void shouldScoreTheBatchRestoredFromTheChangelogAfterARestart() {
    Map<Long, byte[]> changelog = new LinkedHashMap<>();
    ScoringDriver first = new ScoringDriver(stateDir, model,
        Map.of("inference.max-batch", "16", "inference.max-delay", "1m"));
    try {
      first.pipe(customer("c1", "u1", 0, 1000, "angry one"));
      first.pipe(customer("c1", "u2", 1000, 2000, "sad two"));
      assertThat(first.scored.isEmpty()).isTrue();
      // What a restoring task replays: the latest value per key, tombstones deleting.
      for (KeyValue<Long, byte[]> kv : first.driver.createOutputTopic(
          ScoringDriver.APP_ID + "-" + ScoringTopology.PENDING_STORE + "-changelog",
          Serdes.Long().deserializer(), Serdes.ByteArray().deserializer()).readKeyValuesToList()) {
        if (kv.value == null) {
          changelog.remove(kv.key);
        } else {
          changelog.put(kv.key, kv.value);
        }
      }
    } finally {
      first.close();
    }
    assertThat(changelog).hasSize(2);
    assertThat(model.batchSizes).as("nothing scored before the crash").isEmpty();

    try (ScoringDriver second = new ScoringDriver(stateDir, model,
        Map.of("inference.max-batch", "16", "inference.max-delay", "1m"), first.registry)) {
      KeyValueStore<Long, PendingUtterance> store = second.driver.getKeyValueStore(ScoringTopology.PENDING_STORE);
      PendingUtteranceSerde serde = new PendingUtteranceSerde(second.utteranceSerde);
      changelog.forEach((k, v) -> store.put(k, serde.deserializer().deserialize("restore", v)));

      second.advanceWallClock(Duration.ofMillis(60));

      List<KeyValue<String, ScoredUtterance>> out = second.scored.readKeyValuesToList();
      assertThat(out).extracting(kv -> kv.value.getUtteranceId()).containsExactly("u1", "u2");
      assertThat(out).extracting(kv -> kv.key).containsOnly("c1");
      assertThat(store.approximateNumEntries()).isZero();

      second.pipe(customer("c1", "u3", 2000, 3000, "hello again"));
      second.end("c1", 4000);
      assertThat(second.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId)
          .as("new utterances do not overwrite restored sequence numbers").containsExactly("u3");
    }
  }

  @Test
  void shouldKeepTheRecordEventTimeOfEachUtterance() {
    try (ScoringDriver d = new ScoringDriver(stateDir, model, Map.of("inference.max-batch", "2"))) {
      Utterance u1 = customer("c1", "u1", 0, 1000, "hello");
      d.pipe(u1);
      d.pipe(customer("c1", "u2", 1000, 2500, "hello"));
      assertThat(d.scored.readRecordsToList()).extracting(r -> r.getRecordTime())
          .containsExactly(ScoringDriver.START.plusMillis(1000), ScoringDriver.START.plusMillis(2500));
    }
  }
}
