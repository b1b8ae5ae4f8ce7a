package io.emostream.model.batching;

import io.emostream.model.EmotionPrediction;
import java.util.List;

/** Small extractors shared by the batcher tests. */
final class RecordingModelTestSupport {

  private RecordingModelTestSupport() {}

  static String firstLabel(List<EmotionPrediction> predictions) {
    return predictions.get(0).label();
  }
}
