package io.emostream.model.batching;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import io.emostream.model.ModelException;
import io.emostream.model.ModelInfo;
import io.emostream.model.UtteranceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake model for batcher tests: records the ids of every batch it is called with and answers
 * each utterance with a one-class prediction whose label is the utterance id, so a caller can
 * tell its own results from anyone else's. Utterances whose id starts with "boom" fail their
 * batch; {@link #gate} can hold calls until a test opens it.
 */
final class RecordingModel implements EmotionModel {

  final List<List<String>> batches = new CopyOnWriteArrayList<>();
  final CountDownLatch gate;
  final AtomicBoolean closed = new AtomicBoolean();
  final AtomicBoolean concurrentCall = new AtomicBoolean();
  private final AtomicBoolean inCall = new AtomicBoolean();

  RecordingModel() {
    this(new CountDownLatch(0));
  }

  RecordingModel(CountDownLatch gate) {
    this.gate = gate;
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo("recording", "1", "fake", List.of("x"), 16_000, 160_000, 64,
        Set.of(Modality.AUDIO, Modality.TEXT), "cpu()");
  }

  @Override
  public List<EmotionPrediction> predict(List<UtteranceInput> batch) {
    if (!inCall.compareAndSet(false, true)) {
      concurrentCall.set(true);
    }
    try {
      List<String> ids = batch.stream().map(UtteranceInput::id).toList();
      batches.add(ids);
      gate.await();
      if (ids.stream().anyMatch(id -> id.startsWith("boom"))) {
        throw new ModelException("fake failure for batch " + ids);
      }
      List<EmotionPrediction> out = new ArrayList<>();
      for (UtteranceInput u : batch) {
        out.add(new EmotionPrediction(List.of(u.id()), new float[] {1f}, 0f, 0.5f, u.modalities()));
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted", e);
    } finally {
      inCall.set(false);
    }
  }

  @Override
  public void close() {
    closed.set(true);
  }

  static UtteranceInput text(String id) {
    return new UtteranceInput(id, null, "hello " + id);
  }

  static UtteranceInput audio(String id, int samples) {
    return new UtteranceInput(id, new float[samples], null);
  }
}
