package io.emostream.scoring;

import io.emostream.common.FeatureApi;
import io.emostream.config.EmostreamSettings;
import io.emostream.config.InferenceKeys;
import io.emostream.model.batching.BatchingConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How utterances are batched for the model, retried, bounded in flight and published: the one
 * set of inference settings (the shared {@code BatchingEmotionModel} is the only batching layer).
 *
 * @param maxBatch      most utterances in one model call ({@code inference.max-batch})
 * @param maxDelay      longest an utterance waits for companions before its batch is cut anyway,
 *                      wall-clock ({@code inference.max-delay})
 * @param queueCapacity most utterances queued for the model in the whole JVM; a full queue holds
 *                      the submitting stream thread back ({@code inference.queue-capacity})
 * @param maxInFlight   most utterances and events one scorer task keeps between receiving and
 *                      forwarding; at the bound the stream thread waits for the oldest result
 *                      (back-pressure) ({@code inference.max-in-flight})
 * @param prepareThreads threads preparing utterances (features, tokens) ahead of the model's run; 0: the
 *                      batcher's default ({@code inference.prepare-threads})
 * @param retries       model retries of an utterance that failed alone, before it is dead-lettered
 *                      ({@code inference.retries})
 * @param retryBackoff  first retry pause, doubled per retry and capped at {@link #MAX_BACKOFF}
 *                      ({@code inference.retry-backoff}); the stream thread goes on meanwhile
 * @param textMode      transcript text in the output ({@code output.include-text})
 */
@FeatureApi
public record ScoringConfig(int maxBatch, Duration maxDelay, int queueCapacity, int maxInFlight,
    int prepareThreads, int retries, Duration retryBackoff, TextMode textMode) {

  public static final String MAX_BATCH = InferenceKeys.MAX_BATCH_CONFIG;
  public static final String MAX_DELAY = InferenceKeys.MAX_DELAY_CONFIG;
  public static final String QUEUE_CAPACITY = InferenceKeys.QUEUE_CAPACITY_CONFIG;
  public static final String MAX_IN_FLIGHT = InferenceKeys.MAX_IN_FLIGHT_CONFIG;
  public static final String PREPARE_THREADS = InferenceKeys.PREPARE_THREADS_CONFIG;
  public static final String RETRIES = InferenceKeys.RETRIES_CONFIG;
  public static final String RETRY_BACKOFF = InferenceKeys.RETRY_BACKOFF_CONFIG;
  public static final String INCLUDE_TEXT = InferenceKeys.INCLUDE_TEXT_CONFIG;

  /** Longest single pause between retries of one utterance. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  /** How often a scorer task looks for finished model work when no record arrives. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(10);

  public static final ScoringConfig DEFAULT = from(Map.of());

  public ScoringConfig {
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(textMode, "textMode");
    if (maxBatch < 1) {
      throw new IllegalArgumentException(MAX_BATCH + " is " + maxBatch + "; use 1 or more");
    }
    if (queueCapacity < maxBatch) {
      throw new IllegalArgumentException(QUEUE_CAPACITY + " is " + queueCapacity
          + " but must be at least " + MAX_BATCH + " (" + maxBatch + ")");
    }
    if (retries < 0) {
      throw new IllegalArgumentException(RETRIES + " is " + retries + "; use 0 or more");
    }
  }

  /** Reads the settings above from {@code settings}, defaulting what is unset. */
  public static ScoringConfig from(Map<String, ?> settings) {
    return from(EmostreamSettings.of(settings));
  }

  /**
   * The view over {@code settings}. An unset queue capacity is at least the batch size, so
   * raising {@code inference.max-batch} alone never makes the settings invalid.
   */
  public static ScoringConfig from(EmostreamSettings settings) {
    int maxBatch = settings.getInt(MAX_BATCH);
    int queueCapacity = settings.getInt(QUEUE_CAPACITY);
    return new ScoringConfig(
        maxBatch,
        settings.getDuration(MAX_DELAY),
        settings.isSet(QUEUE_CAPACITY) ? queueCapacity : Math.max(queueCapacity, maxBatch),
        settings.getInt(MAX_IN_FLIGHT),
        settings.getInt(PREPARE_THREADS),
        settings.getInt(RETRIES),
        settings.getDuration(RETRY_BACKOFF),
        TextMode.valueOf(settings.getChoice(INCLUDE_TEXT).toUpperCase(Locale.ROOT)));
  }

  /** The shared batcher's settings. */
  public BatchingConfig batching() {
    BatchingConfig d = BatchingConfig.DEFAULT;
    return new BatchingConfig(maxBatch, maxDelay, queueCapacity, d.submitTimeout(), d.closeTimeout(),
        prepareThreads > 0 ? prepareThreads : BatchingConfig.defaultPrepareThreads());
  }

  /** Pause before retry number {@code attempt} (1-based): backoff doubled per retry, capped. */
  public Duration backoffBefore(int attempt) {
    long millis = retryBackoff.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
    return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
  }
}
