package io.emostream.model.batching;

import io.emostream.model.EmotionPrediction;
import java.util.Objects;

/**
 * One utterance's prediction together with what its batch looked like, so that a caller can
 * publish queue time and batch size with the score without asking the batcher again.
 *
 * @param prediction the model's output for the utterance, never null
 * @param batchSize  utterances in the model call that scored it
 * @param queueNanos how long it waited between submit and the model call
 * @param modelNanos how long that model call took
 */
public record BatchedPrediction(EmotionPrediction prediction, int batchSize, long queueNanos, long modelNanos) {

  public BatchedPrediction {
    Objects.requireNonNull(prediction, "prediction");
  }
}
