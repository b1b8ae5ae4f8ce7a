package io.emostream.scoring;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.UtteranceInput;
import io.emostream.model.batching.BatchedPrediction;
import io.emostream.model.batching.BatchingEmotionModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How the scorer hands one utterance to the model without waiting for it.
 *
 * <p>With the app's shared {@link BatchingEmotionModel} the utterance joins the JVM-wide queue
 * and the future completes on the batcher's thread. Any other model (a plain model in a unit
 * test) is called at once on the caller's thread, in a batch of one, and the future is already
 * complete when this returns.
 */
@FunctionalInterface
interface AsyncInference {

  /**
   * Queues {@code input}; the future completes with its prediction or with the model's failure.
   *
   * @throws io.emostream.model.batching.QueueFullException when the model's queue stayed full
   * @throws io.emostream.model.batching.BatcherClosedException when the model is closing
   */
  CompletableFuture<BatchedPrediction> submit(UtteranceInput input);

  /** The adapter for {@code model}, as described above. */
  static AsyncInference of(EmotionModel model) {
    if (model instanceof BatchingEmotionModel batching) {
      return batching::submitOne;
    }
    return input -> {
      long start = System.nanoTime();
      try {
        List<EmotionPrediction> out = model.predict(List.of(input));
        if (out == null || out.size() != 1) {
          throw new ModelException("Model " + model.info().name() + " returned "
              + (out == null ? "null" : out.size() + " predictions") + " for 1 utterance");
        }
        return CompletableFuture.completedFuture(new BatchedPrediction(out.get(0), 1, 0, System.nanoTime() - start));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }
}
