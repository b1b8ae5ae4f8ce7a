package io.emostream.scoring;

import static io.emostream.scoring.ScoringDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.ScoredUtterance;
import io.emostream.model.EmotionModel;
import io.emostream.model.batching.BatchingConfig;
import io.emostream.model.batching.BatchingEmotionModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link EmotionScorer} hands utterances to the shared batcher and goes on: results are
 * collected later, forwarded in order, and leave the pending store only when forwarded.
 */
class EmotionScorerAsyncTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path stateDir;

  private static BatchingEmotionModel batcher(EmotionModel model, int maxBatch, Duration maxDelay) {
    return new BatchingEmotionModel(model, new BatchingConfig(maxBatch, maxDelay, 64, Duration.ofSeconds(5),
        Duration.ofSeconds(1)));
  }

  /** Moves the wall clock until {@code check} holds, so the scorer's punctuation collects results. */
  private static void until(ScoringDriver d, Runnable check) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).untilAsserted(() -> {
      d.advanceWallClock(Duration.ofMillis(10));
      check.run();
    });
  }

  @Test
  void shouldMergeUtterancesFromSeparateRecordsIntoOneModelBatch() {
    FixedOutputModel model = new FixedOutputModel();
    try (BatchingEmotionModel shared = batcher(model, 3, Duration.ofMinutes(1));
         ScoringDriver d = new ScoringDriver(stateDir, shared, Map.of())) {
      d.pipe(customer("c1", "u1", 0, 1000, "hello"));
      d.pipe(customer("c1", "u2", 1000, 2000, "angry now"));
      d.advanceWallClock(Duration.ofMillis(50));
      assertThat(d.scored.isEmpty()).as("two of three wait in the batcher").isTrue();
      d.pipe(customer("c1", "u3", 2000, 3000, "sad too"));

      List<ScoredUtterance> out = new ArrayList<>();
      until(d, () -> {
        out.addAll(d.scored.readValuesToList());
        assertThat(out).hasSize(3);
      });
      assertThat(out).extracting(ScoredUtterance::getUtteranceId).containsExactly("u1", "u2", "u3");
      assertThat(out).allSatisfy(u -> assertThat(u.getTimings().getBatchSize()).isEqualTo(3));
      assertThat(model.batchSizes).containsExactly(3);
    }
  }

  @Test
  void shouldReturnToTheStreamThreadWhileTheModelWorksAndKeepTheEntryUntilItsResultIsForwarded() {
    GatedModel model = new GatedModel();
    try (BatchingEmotionModel shared = batcher(model, 8, Duration.ZERO);
         ScoringDriver d = new ScoringDriver(stateDir, shared, Map.of())) {
      KeyValueStore<Long, PendingEntry> store = d.driver.getKeyValueStore(ScoringTopology.PENDING_STORE);
      d.pipe(customer("c1", "u1", 0, 1000, "happy"));
      d.pipe(customer("c1", "u2", 1000, 2000, "sad"));
      d.advanceWallClock(Duration.ofMillis(50));

      assertThat(d.scored.isEmpty()).as("the model has not answered").isTrue();
      assertThat(store.approximateNumEntries()).as("both wait in the changelogged store").isEqualTo(2);

      model.open();
      List<ScoredUtterance> out = new ArrayList<>();
      until(d, () -> {
        out.addAll(d.scored.readValuesToList());
        assertThat(out).hasSize(2);
      });
      assertThat(out).extracting(ScoredUtterance::getUtteranceId).containsExactly("u1", "u2");
      assertThat(store.approximateNumEntries()).isZero();
    }
  }

  @Test
  void shouldForwardCallEndedOnlyAfterTheLastScoreOfTheCall() {
    GatedModel model = new GatedModel();
    try (BatchingEmotionModel shared = batcher(model, 8, Duration.ZERO);
         ScoringDriver d = new ScoringDriver(stateDir, shared, Map.of())) {
      d.start("c1", ScoringDriver.context(), 0);
      d.pipe(customer("c1", "u1", 0, 1000, "angry start"));
      d.pipe(customer("c1", "u2", 1000, 2000, "happy end"));
      d.end("c1", 3000);
      d.advanceWallClock(Duration.ofMillis(50));
      assertThat(d.summaries.isEmpty()).as("CALL_ENDED waits behind the call's utterances").isTrue();

      model.open();
      until(d, () -> assertThat(d.summaries.isEmpty()).isFalse());
      CallEmotionSummary summary = d.summaries.readValue();
      assertThat(summary.getUtteranceCount()).as("the summary saw both scores").isEqualTo(2);
      assertThat(d.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId).containsExactly("u1", "u2");
    }
  }

  @Test
  void shouldHoldTheStreamThreadBackOnceMaxInFlightEntriesWait() throws Exception {
    GatedModel model = new GatedModel();
    try (BatchingEmotionModel shared = batcher(model, 8, Duration.ZERO);
         ScoringDriver d = new ScoringDriver(stateDir, shared, Map.of("inference.max-in-flight", "2"))) {
      d.pipe(customer("c1", "u1", 0, 1000, "happy"));
      CompletableFuture<Void> second = CompletableFuture.runAsync(() -> d.pipe(customer("c1", "u2", 1000, 2000, "sad")));
      await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !second.isDone());

      model.open();
      second.get();
      List<ScoredUtterance> out = new ArrayList<>(d.scored.readValuesToList());
      until(d, () -> {
        out.addAll(d.scored.readValuesToList());
        assertThat(out).hasSize(2);
      });
      assertThat(out).extracting(ScoredUtterance::getUtteranceId).containsExactly("u1", "u2");
    }
  }

  @Test
  void shouldScoreWhatTheRestoredStoreHoldsAfterARestart() {
    Map<Long, byte[]> changelog = new LinkedHashMap<>();
    GatedModel stuck = new GatedModel();
    BatchingEmotionModel firstModel = batcher(stuck, 8, Duration.ZERO);
    ScoringDriver first = new ScoringDriver(stateDir, firstModel, Map.of());
    try {
      first.start("c1", ScoringDriver.context(), 0);
      first.pipe(customer("c1", "u1", 0, 1000, "angry one"));
      first.pipe(customer("c1", "u2", 1000, 2000, "sad two"));
      first.end("c1", 2500);
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
      first.close(); // the crash: the model never answered
      firstModel.close();
    }
    assertThat(changelog).as("two utterances and the CALL_ENDED behind them").hasSize(3);

    FixedOutputModel model = new FixedOutputModel();
    try (ScoringDriver second = new ScoringDriver(stateDir, model, Map.of(), first.registry)) {
      KeyValueStore<Long, PendingEntry> store = second.driver.getKeyValueStore(ScoringTopology.PENDING_STORE);
      PendingEntrySerde serde = new PendingEntrySerde();
      changelog.forEach((k, v) -> store.put(k, serde.deserializer().deserialize("restore", v)));

      second.advanceWallClock(Duration.ofMillis(20));

      assertThat(second.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId)
          .containsExactly("u1", "u2");
      assertThat(second.summaries.readValue().getUtteranceCount()).isEqualTo(2);
      assertThat(store.approximateNumEntries()).isZero();

      second.start("c2", ScoringDriver.context(), 3000);
      second.pipe(customer("c2", "u3", 2000, 3000, "hello again"));
      assertThat(second.scored.readValuesToList()).extracting(ScoredUtterance::getUtteranceId)
          .as("new utterances do not overwrite restored sequence numbers").containsExactly("u3");
    }
  }

  @Test
  void shouldKeepTheRecordEventTimeOfEachUtterance() {
    try (ScoringDriver d = new ScoringDriver(stateDir, new FixedOutputModel(), Map.of())) {
      d.pipe(customer("c1", "u1", 0, 1000, "hello"));
      d.pipe(customer("c1", "u2", 1000, 2500, "hello"));
      assertThat(d.scored.readRecordsToList()).extracting(r -> r.getRecordTime())
          .containsExactly(ScoringDriver.START.plusMillis(1000), ScoringDriver.START.plusMillis(2500));
    }
  }
}
