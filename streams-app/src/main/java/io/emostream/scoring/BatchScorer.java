package io.emostream.scoring;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.ModelInfo;
import io.emostream.model.UtteranceInput;
import io.emostream.scoring.ScoredUtterances.BatchTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one micro-batch with the model: retries a failing batch with exponential backoff,
 * then scores its utterances one by one so that a single poison utterance fails alone.
 *
 * <p>Never throws for a model failure: every utterance ends as {@link ScoreOutcome.Scored}
 * or {@link ScoreOutcome.Failed}, in input order. Only an interrupt (the app is stopping)
 * propagates, so the batch stays in the store and is scored after the restart instead of
 * being dead-lettered.
 */
final class BatchScorer {

  private static final Logger LOG = LoggerFactory.getLogger(BatchScorer.class);

  /** Pauses the calling thread; tests pass one that does not wait. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final EmotionModel model;
  private final ModelInfo info;
  private final LabelMapping labels;
  private final ScoringConfig config;
  private final LongSupplier wallClockMs;
  private final Sleeper sleeper;

  BatchScorer(EmotionModel model, LabelMapping labels, ScoringConfig config,
      LongSupplier wallClockMs, Sleeper sleeper) {
    this.model = Objects.requireNonNull(model, "model");
    this.info = model.info();
    this.labels = Objects.requireNonNull(labels, "labels");
    this.config = Objects.requireNonNull(config, "config");
    this.wallClockMs = Objects.requireNonNull(wallClockMs, "wallClockMs");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Outcomes of {@code batch}, one per utterance, in its order. */
  List<ScoreOutcome> score(List<PendingUtterance> batch) {
    ScoreOutcome[] outcomes = new ScoreOutcome[batch.size()];
    List<Integer> positions = new ArrayList<>();
    List<UtteranceInput> inputs = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      PendingUtterance pending = batch.get(i);
      try {
        inputs.add(ScoredUtterances.toInput(pending.utterance()));
        positions.add(i);
      } catch (RuntimeException e) {
        outcomes[i] = new ScoreOutcome.Failed(pending, "Utterance " + describe(pending)
            + " cannot be scored: " + e.getMessage(), e);
      }
    }
    if (!inputs.isEmpty()) {
      try {
        scoreAll(batch, positions, inputs, outcomes, config.retries());
      } catch (InterruptException stopping) {
        throw stopping;
      } catch (RuntimeException batchFailure) {
        if (inputs.size() == 1) {
          fail(batch, positions.get(0), outcomes, batchFailure, config.retries() + 1);
        } else {
          LOG.warn("Model failed a batch of {} after {} retries ({}); scoring its utterances one by one",
              inputs.size(), config.retries(), batchFailure.toString());
          for (int j = 0; j < inputs.size(); j++) {
            int position = positions.get(j);
            try {
              scoreAll(batch, List.of(position), List.of(inputs.get(j)), outcomes, 0);
            } catch (InterruptException stopping) {
              throw stopping;
            } catch (RuntimeException alone) {
              fail(batch, position, outcomes, alone, config.retries() + 2);
            }
          }
        }
      }
    }
    return List.of(outcomes);
  }

  private void scoreAll(List<PendingUtterance> batch, List<Integer> positions,
      List<UtteranceInput> inputs, ScoreOutcome[] outcomes, int retries) {
    long startedAt = wallClockMs.getAsLong();
    long startNanos = System.nanoTime();
    List<EmotionPrediction> predictions = predictWithRetries(inputs, retries);
    double modelMs = (System.nanoTime() - startNanos) / 1e6;
    BatchTiming timing = new BatchTiming(startedAt, wallClockMs.getAsLong(), modelMs, inputs.size());
    for (int j = 0; j < inputs.size(); j++) {
      PendingUtterance pending = batch.get(positions.get(j));
      outcomes[positions.get(j)] = new ScoreOutcome.Scored(pending, ScoredUtterances.build(
          pending, predictions.get(j), labels, info, config.textMode(), timing));
    }
  }

  private List<EmotionPrediction> predictWithRetries(List<UtteranceInput> inputs, int retries) {
    RuntimeException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        pause(config.backoffBefore(attempt));
      }
      try {
        List<EmotionPrediction> predictions = model.predict(inputs);
        if (predictions == null || predictions.size() != inputs.size()) {
          throw new ModelException("Model " + info.name() + " returned "
              + (predictions == null ? "null" : predictions.size() + " predictions")
              + " for " + inputs.size() + " utterances");
        }
        return predictions;
      } catch (RuntimeException e) {
        last = e;
        LOG.debug("Model attempt {} of {} failed for {} utterances", attempt + 1, retries + 1,
            inputs.size(), e);
      }
    }
    throw last;
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException("Interrupted while backing off before a model retry", e);
    }
  }

  private void fail(List<PendingUtterance> batch, int position, ScoreOutcome[] outcomes,
      RuntimeException cause, int attempts) {
    PendingUtterance pending = batch.get(position);
    String reason = "Model " + info.name() + " " + info.version() + " failed on utterance "
        + describe(pending) + " after " + attempts + " attempts: " + cause.getMessage();
    LOG.warn("{}; sending it to the dead-letter topic", reason);
    outcomes[position] = new ScoreOutcome.Failed(pending, reason, cause);
  }

  private static String describe(PendingUtterance pending) {
    return pending.utterance().getCallId() + "/" + pending.utterance().getUtteranceId();
  }
}
