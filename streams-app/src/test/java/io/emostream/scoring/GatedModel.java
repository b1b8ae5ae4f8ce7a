package io.emostream.scoring;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.ModelInfo;
import io.emostream.model.UtteranceInput;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link FixedOutputModel} whose calls wait until the test opens the gate: it stands for a
 * model that is busy with a batch, so a test can see what the stream thread does meanwhile.
 */
final class GatedModel implements EmotionModel {

  final FixedOutputModel inner = new FixedOutputModel();
  final CountDownLatch gate = new CountDownLatch(1);

  @Override
  public ModelInfo info() {
    return inner.info();
  }

  @Override
  public List<EmotionPrediction> predict(List<UtteranceInput> batch) {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted while gated", e);
    }
    return inner.predict(batch);
  }

  void open() {
    gate.countDown();
  }

  @Override
  public void close() {
    gate.countDown();
  }
}
