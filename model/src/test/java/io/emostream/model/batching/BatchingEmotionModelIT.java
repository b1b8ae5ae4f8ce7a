package io.emostream.model.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.UtteranceInput;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.torchscript.TorchScriptEmotionModel;
import io.emostream.model.torchscript.TorchScriptFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Real batching through the real DJL PyTorch runtime: the TorchScript fixture, shared by several
 * threads, must give every caller the outputs the Python script recorded for its utterance,
 * however its utterance was batched and padded with others.
 */
class BatchingEmotionModelIT {

  @Test
  void shouldBatchCallsFromManyThreadsThroughTheTorchScriptRuntimeWithoutChangingResults() throws Exception {
    List<JsonNode> cases = TorchScriptFixture.cases();
    BatchingConfig config = new BatchingConfig(8, Duration.ofMillis(20), 64, Duration.ofSeconds(10),
        Duration.ofSeconds(10));
    try (BatchingEmotionModel batcher = new BatchingEmotionModel(
        TorchScriptEmotionModel.load(TorchScriptFixture.bundleDir(), DeviceSpec.CPU), config)) {
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          for (int call = 0; call < 20; call++) {
            JsonNode c = cases.get((thread + call) % cases.size());
            UtteranceInput input = TorchScriptFixture.input(c);
            EmotionPrediction p = batcher.predict(List.of(input)).get(0);
            for (int i = 0; i < p.probabilities().length; i++) {
              assertThat(p.probabilities()[i]).as(c.get("id").asText())
                  .isCloseTo((float) c.get("probabilities").get(i).asDouble(), within(1e-4f));
            }
            assertThat(p.valence()).isCloseTo((float) c.get("valence").asDouble(), within(1e-4f));
          }
          return 20;
        }));
      }
      int calls = 0;
      for (Future<Integer> f : results) {
        calls += f.get();
      }
      pool.shutdown();

      BatchingSnapshot metrics = batcher.metrics();
      assertThat(metrics.utterances()).isEqualTo(calls);
      assertThat(metrics.failedBatches()).isZero();
      assertThat(metrics.batches()).isLessThan(calls); // callers really shared model calls
      assertThat(metrics.meanBatchSize()).isGreaterThan(1.5);
      assertThat(metrics.meanModelMillis()).isPositive();
    }
  }
}
