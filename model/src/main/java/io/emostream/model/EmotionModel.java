package io.emostream.model;

import java.util.List;

/**
 * A speech + text emotion model that scores utterances in batches.
 *
 * <p>Implementations are safe to call from one thread at a time unless they say otherwise;
 * {@code BatchingEmotionModel} shares one model between many threads. Outputs come back in
 * the order of the inputs. A failing batch throws {@link ModelException}; no partial result.
 */
public interface EmotionModel extends AutoCloseable {

  /** Name, version, labels and limits of the loaded model. */
  ModelInfo info();

  /** Scores {@code batch}; one prediction per input, in input order. */
  List<EmotionPrediction> predict(List<UtteranceInput> batch);

  /** Releases native memory; the model cannot be used afterwards. */
  @Override
  void close();
}
