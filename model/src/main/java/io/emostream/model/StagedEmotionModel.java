package io.emostream.model;

import java.util.List;

/**
 * An {@link EmotionModel} whose work splits into a per-utterance preparation and a per-batch
 * run, so that a batcher can prepare the next batch on other threads while this one runs.
 *
 * <p>{@link #prepare} does what does not need the network: feature extraction, tokenising,
 * text cues. It is plain Java, holds no native memory and is safe to call from any number of
 * threads at once. {@link #run} puts prepared utterances through the network; implementations
 * serialise it as they need to. {@code predict(batch)} gives the same predictions as
 * {@code run} over {@code prepare} of each utterance, in order.
 *
 * <p>Why: on the built-in model the log-mel front end costs more CPU than the forward pass. Done
 * inside {@code predict}, it ran on the one thread that holds the model, so feature work queued
 * behind inference and inference behind feature work; a GPU would sit idle while the CPU
 * prepared its next batch.
 *
 * @param <P> one prepared utterance; opaque to callers, immutable once returned
 */
public interface StagedEmotionModel<P> extends EmotionModel {

  /**
   * Prepares one utterance for {@link #run}. Thread-safe.
   *
   * @throws ModelException when this utterance cannot be prepared (it alone fails)
   */
  P prepare(UtteranceInput input);

  /** Scores prepared utterances as one batch; one prediction per input, in input order. */
  List<EmotionPrediction> run(List<P> batch);
}
