package io.emostream.model.batching;

import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.ModelInfo;
import io.emostream.model.StagedEmotionModel;
import io.emostream.model.UtteranceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A fake two-stage model for batcher tests: {@code prepare} records which thread prepared each
 * utterance and returns its id upper-cased; {@code run} records its batches of prepared values
 * and answers each with a one-class prediction labelled by that value, so a test can see that
 * the prediction came through both stages. Ids starting with "bad" fail their preparation;
 * {@link #runGate} holds every run until a test opens it. {@code predict} is never used by the
 * batcher and fails, so a test notices if it is.
 */
final class StagedRecordingModel implements StagedEmotionModel<String> {

  final Map<String, String> preparedOn = new ConcurrentHashMap<>();
  final List<List<String>> runs = new CopyOnWriteArrayList<>();
  final List<String> runThreads = new CopyOnWriteArrayList<>();
  final CountDownLatch runGate;

  StagedRecordingModel(CountDownLatch runGate) {
    this.runGate = runGate;
  }

  @Override
  public ModelInfo info() {
    return new RecordingModel().info();
  }

  @Override
  public String prepare(UtteranceInput input) {
    preparedOn.put(input.id(), Thread.currentThread().getName());
    if (input.id().startsWith("bad")) {
      throw new ModelException("fake preparation failure for " + input.id());
    }
    return input.id().toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public List<EmotionPrediction> run(List<String> batch) {
    runs.add(List.copyOf(batch));
    runThreads.add(Thread.currentThread().getName());
    try {
      runGate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted", e);
    }
    List<EmotionPrediction> out = new ArrayList<>();
    for (String p : batch) {
      out.add(new EmotionPrediction(List.of(p), new float[] {1f}, 0f, 0.5f, java.util.Set.of()));
    }
    return out;
  }

  @Override
  public List<EmotionPrediction> predict(List<UtteranceInput> batch) {
    throw new AssertionError("the batcher must use prepare and run, not predict");
  }

  @Override
  public void close() {}
}
