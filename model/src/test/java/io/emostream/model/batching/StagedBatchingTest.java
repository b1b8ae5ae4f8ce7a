package io.emostream.model.batching;

import static io.emostream.model.batching.RecordingModel.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The batcher in front of a {@link io.emostream.model.StagedEmotionModel}: prepare on preparers, run on the worker. */
class StagedBatchingTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private static BatchingConfig config(int maxBatch, Duration maxDelay, int preparers) {
    return new BatchingConfig(maxBatch, maxDelay, 256, Duration.ofSeconds(2), Duration.ofSeconds(5), preparers);
  }

  @Test
  void shouldPrepareOnPreparerThreadsAndRunPreparedBatchesOnTheWorker() {
    StagedRecordingModel model = new StagedRecordingModel(new CountDownLatch(0));
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(4, Duration.ofSeconds(30), 2))) {
      List<CompletableFuture<List<EmotionPrediction>>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(batcher.submit(List.of(text("u" + i))));
      }

      for (int i = 0; i < 4; i++) {
        assertThat(futures.get(i)).succeedsWithin(WAIT).extracting(RecordingModelTestSupport::firstLabel)
            .isEqualTo("U" + i);
      }
      assertThat(model.runs).hasSize(1);
      assertThat(model.runs.get(0)).containsExactlyInAnyOrder("U0", "U1", "U2", "U3");
      assertThat(model.preparedOn.values()).allMatch(name -> name.startsWith("emostream-batcher-prepare-"));
      assertThat(model.runThreads).containsExactly("emostream-batcher");
    }
  }

  @Test
  void shouldPrepareTheNextBatchWhileTheModelRunsThisOne() {
    CountDownLatch gate = new CountDownLatch(1);
    StagedRecordingModel model = new StagedRecordingModel(gate);
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(2, Duration.ofSeconds(30), 1))) {
      CompletableFuture<List<EmotionPrediction>> first = batcher.submit(List.of(text("a"), text("b")));
      await().atMost(WAIT).until(() -> model.runs.size() == 1); // the model is now held inside run

      CompletableFuture<List<EmotionPrediction>> second = batcher.submit(List.of(text("c"), text("d")));
      await().atMost(WAIT).until(() -> model.preparedOn.containsKey("c") && model.preparedOn.containsKey("d"));
      assertThat(model.runs).hasSize(1);
      assertThat(first).isNotDone();

      gate.countDown();
      assertThat(first).succeedsWithin(WAIT);
      assertThat(second).succeedsWithin(WAIT);
      assertThat(model.runs).hasSize(2);
      assertThat(model.runs.get(1)).containsExactlyInAnyOrder("C", "D");
    }
  }

  @Test
  void shouldFailOnlyTheUtteranceWhosePreparationFails() {
    StagedRecordingModel model = new StagedRecordingModel(new CountDownLatch(0));
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(3, Duration.ofMillis(50), 1))) {
      CompletableFuture<BatchedPrediction> good = batcher.submitOne(text("good"));
      CompletableFuture<BatchedPrediction> bad = batcher.submitOne(text("bad"));
      CompletableFuture<BatchedPrediction> other = batcher.submitOne(text("other"));

      assertThat(good).succeedsWithin(WAIT).extracting(p -> p.prediction().label()).isEqualTo("GOOD");
      assertThat(other).succeedsWithin(WAIT).extracting(p -> p.prediction().label()).isEqualTo("OTHER");
      assertThat(bad).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(ModelException.class);
      assertThat(model.runs).allSatisfy(run -> assertThat(run).doesNotContain("BAD"));
    }
  }

  @Test
  void shouldPrepareAndScoreQueuedWorkBeforeClosing() {
    CountDownLatch gate = new CountDownLatch(1);
    StagedRecordingModel model = new StagedRecordingModel(gate);
    BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(1, Duration.ZERO, 1));
    List<CompletableFuture<BatchedPrediction>> futures = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      futures.add(batcher.submitOne(text("q" + i)));
    }
    gate.countDown();

    batcher.close();

    assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
    assertThat(model.runs).hasSize(5);
  }
}
