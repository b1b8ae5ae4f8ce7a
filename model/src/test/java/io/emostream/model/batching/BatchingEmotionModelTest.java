package io.emostream.model.batching;

import static io.emostream.model.batching.RecordingModel.audio;
import static io.emostream.model.batching.RecordingModel.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.UtteranceInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class BatchingEmotionModelTest {

  private static final Duration LONG = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static BatchingConfig config(int maxBatch, Duration maxDelay) {
    return new BatchingConfig(maxBatch, maxDelay, 256, Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  private static List<String> labels(List<EmotionPrediction> predictions) {
    return predictions.stream().map(EmotionPrediction::label).toList();
  }

  @Test
  void shouldCutBatchAsSoonAsMaxBatchUtterancesWait() {
    RecordingModel model = new RecordingModel();
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(4, LONG))) {
      List<CompletableFuture<List<EmotionPrediction>>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(batcher.submit(List.of(text("u" + i))));
      }

      for (int i = 0; i < 4; i++) {
        assertThat(futures.get(i)).succeedsWithin(WAIT).extracting(RecordingModelTestSupport::firstLabel)
            .isEqualTo("u" + i);
      }
      assertThat(model.batches).hasSize(1);
      assertThat(model.batches.get(0)).containsExactlyInAnyOrder("u0", "u1", "u2", "u3");
      BatchingSnapshot metrics = batcher.metrics();
      assertThat(metrics.batches()).isEqualTo(1);
      assertThat(metrics.utterances()).isEqualTo(4);
      assertThat(metrics.batchSizeCounts()[4]).isEqualTo(1);
      assertThat(metrics.queued()).isZero();
    }
  }

  @Test
  void shouldCutPartialBatchWhenOldestUtteranceReachesMaxDelay() {
    RecordingModel model = new RecordingModel();
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(32, Duration.ofMillis(80)))) {
      long start = System.nanoTime();
      CompletableFuture<List<EmotionPrediction>> a = batcher.submit(List.of(text("a")));
      CompletableFuture<List<EmotionPrediction>> b = batcher.submit(List.of(text("b"), text("c")));

      assertThat(a).succeedsWithin(WAIT);
      assertThat(b).succeedsWithin(WAIT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
      assertThat(model.batches).containsExactly(List.of("a", "b", "c"));
      assertThat(batcher.metrics().maxQueueMillis()).isGreaterThanOrEqualTo(75.0);
    }
  }

  @Test
  void shouldReturnEveryCallerItsOwnResultsInOrderUnderManyThreads() throws Exception {
    RecordingModel model = new RecordingModel();
    int threads = 8;
    int calls = 200;
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(16, Duration.ofMillis(2)))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          int checked = 0;
          for (int c = 0; c < calls; c++) {
            List<UtteranceInput> mine = new ArrayList<>();
            int size = 1 + ThreadLocalRandom.current().nextInt(3);
            for (int i = 0; i < size; i++) {
              String id = "t" + thread + "-c" + c + "-" + i;
              mine.add(i % 2 == 0 ? text(id) : audio(id, 100 * (1 + c % 7)));
            }
            List<EmotionPrediction> result = batcher.predict(mine);
            assertThat(labels(result)).isEqualTo(mine.stream().map(UtteranceInput::id).toList());
            checked += size;
          }
          return checked;
        }));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get();
      }
      pool.shutdown();

      assertThat(total).isEqualTo((int) batcher.metrics().utterances());
      assertThat(model.concurrentCall).as("model called from two threads at once").isFalse();
      assertThat(model.batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(16));
      assertThat(batcher.metrics().meanBatchSize()).isGreaterThan(1.0);
    }
  }

  @Test
  void shouldGroupUtterancesOfSimilarLengthIntoTheSameBatch() {
    RecordingModel model = new RecordingModel();
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(3, LONG))) {
      List<UtteranceInput> mixed = List.of(
          audio("short-1", 16_000), audio("long-1", 160_000), audio("short-2", 17_000),
          audio("long-2", 150_000), audio("short-3", 15_000), audio("long-3", 155_000));

      List<EmotionPrediction> result = batcher.predict(mixed);

      assertThat(labels(result)).containsExactly("short-1", "long-1", "short-2", "long-2", "short-3", "long-3");
      assertThat(model.batches).containsExactly(
          List.of("short-3", "short-1", "short-2"), List.of("long-2", "long-3", "long-1"));
      assertThat(batcher.metrics().meanAudioPadding()).isLessThan(0.1);
    }
  }

  @Test
  void shouldBlockSubmitWhileQueueIsFullAndRejectAfterTimeout() throws Exception {
    RecordingModel model = new RecordingModel(new CountDownLatch(1));
    BatchingConfig config = new BatchingConfig(2, Duration.ZERO, 4, Duration.ofMillis(150), Duration.ofSeconds(5));
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config)) {
      CompletableFuture<List<EmotionPrediction>> inModel = batcher.submit(List.of(text("a"), text("b")));
      await().atMost(WAIT).until(() -> model.batches.size() == 1); // worker holds a, b inside the model
      CompletableFuture<List<EmotionPrediction>> queued = batcher.submit(
          List.of(text("c"), text("d"), text("e"), text("f")));

      long start = System.nanoTime();
      assertThatThrownBy(() -> batcher.submit(List.of(text("g"))))
          .isInstanceOf(QueueFullException.class)
          .hasMessageContaining("4 of 4 utterances");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
      assertThat(batcher.metrics().rejectedUtterances()).isEqualTo(1);

      CompletableFuture<List<EmotionPrediction>> blocked =
          CompletableFuture.supplyAsync(() -> batcher.predict(List.of(text("h"))));
      model.gate.countDown();

      assertThat(inModel).succeedsWithin(WAIT);
      assertThat(queued).succeedsWithin(WAIT);
      assertThat(blocked).succeedsWithin(WAIT).extracting(RecordingModelTestSupport::firstLabel).isEqualTo("h");
    }
  }

  @Test
  void shouldRejectSubmitLargerThanTheWholeQueue() {
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(new RecordingModel(),
        new BatchingConfig(2, Duration.ZERO, 2, Duration.ofMillis(10), Duration.ofSeconds(1)))) {
      assertThatThrownBy(() -> batcher.submit(List.of(text("a"), text("b"), text("c"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("exceeds the queue capacity of 2");
    }
  }

  @Test
  void shouldFailOnlyTheCallersOfTheFailingBatch() {
    RecordingModel model = new RecordingModel();
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(1, Duration.ZERO))) {
      CompletableFuture<List<EmotionPrediction>> ok = batcher.submit(List.of(text("ok")));
      CompletableFuture<List<EmotionPrediction>> boom = batcher.submit(List.of(text("boom")));
      CompletableFuture<List<EmotionPrediction>> split = batcher.submit(List.of(text("fine"), text("boom-2")));
      CompletableFuture<List<EmotionPrediction>> after = batcher.submit(List.of(text("after")));

      assertThat(ok).succeedsWithin(WAIT);
      assertThat(after).succeedsWithin(WAIT).extracting(RecordingModelTestSupport::firstLabel).isEqualTo("after");
      assertThat(boom).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause().isInstanceOf(ModelException.class).withMessageContaining("fake failure for batch [boom]");
      assertThat(split).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause().withMessageContaining("boom-2");
      assertThatThrownBy(() -> batcher.predict(List.of(text("boom-3"))))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("batched prediction failed")
          .hasCauseInstanceOf(ModelException.class);
      assertThat(batcher.metrics().failedBatches()).isEqualTo(3);
    }
  }

  @Test
  void shouldScoreTheMembersOfAFailedBatchAloneSoOnlyThePoisonFails() {
    RecordingModel model = new RecordingModel();
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(3, Duration.ofMinutes(1)))) {
      CompletableFuture<BatchedPrediction> ok = batcher.submitOne(text("ok"));
      CompletableFuture<BatchedPrediction> boom = batcher.submitOne(text("boom"));
      CompletableFuture<BatchedPrediction> fine = batcher.submitOne(text("fine"));

      assertThat(ok).succeedsWithin(WAIT).satisfies(p -> {
        assertThat(p.prediction().labels()).containsExactly("ok");
        assertThat(p.batchSize()).as("scored alone after its batch failed").isEqualTo(1);
      });
      assertThat(fine).succeedsWithin(WAIT);
      assertThat(boom).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause().isInstanceOf(ModelException.class).withMessageContaining("[boom]");
      assertThat(model.batches).hasSize(4);
      assertThat(model.batches.get(0)).hasSize(3);
    }
  }

  @Test
  void shouldReportEachUtterancesBatchSizeAndQueueTime() {
    RecordingModel model = new RecordingModel();
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(2, Duration.ofMinutes(1)))) {
      CompletableFuture<BatchedPrediction> first = batcher.submitOne(text("a"));
      CompletableFuture<BatchedPrediction> second = batcher.submitOne(text("b"));
      assertThat(first).succeedsWithin(WAIT).satisfies(p -> {
        assertThat(p.batchSize()).isEqualTo(2);
        assertThat(p.queueNanos()).isNotNegative();
        assertThat(p.modelNanos()).isPositive();
      });
      assertThat(second).succeedsWithin(WAIT).extracting(p -> p.prediction().labels().get(0)).isEqualTo("b");
    }
  }

  @Test
  void shouldScoreQueuedWorkThenCloseTheModelOnClose() {
    RecordingModel model = new RecordingModel();
    BatchingEmotionModel batcher = new BatchingEmotionModel(model, config(32, LONG));
    CompletableFuture<List<EmotionPrediction>> pending = batcher.submit(List.of(text("x"), text("y")));

    batcher.close();

    assertThat(pending).isCompleted();
    assertThat(labels(pending.join())).containsExactly("x", "y");
    assertThat(model.closed).isTrue();
    assertThatThrownBy(() -> batcher.submit(List.of(text("late"))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void shouldFailQueuedWorkWhenCloseTimesOutOnAStuckModel() {
    RecordingModel model = new RecordingModel(new CountDownLatch(1));
    BatchingEmotionModel batcher = new BatchingEmotionModel(model,
        new BatchingConfig(1, Duration.ZERO, 8, Duration.ofSeconds(1), Duration.ofMillis(100)));
    CompletableFuture<List<EmotionPrediction>> stuck = batcher.submit(List.of(text("stuck")));
    await().atMost(WAIT).until(() -> model.batches.size() == 1);
    CompletableFuture<List<EmotionPrediction>> waiting = batcher.submit(List.of(text("waiting")));

    batcher.close();

    assertThat(waiting).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause().withMessageContaining("closed after").withMessageContaining("1 queued utterance(s)");
    assertThat(stuck).failsWithin(WAIT); // the worker was interrupted inside the model
    assertThat(model.closed).isTrue();
  }
}
