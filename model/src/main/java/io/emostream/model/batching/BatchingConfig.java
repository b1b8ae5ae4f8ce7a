package io.emostream.model.batching;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BatchingEmotionModel} forms batches and how much it lets callers queue: typed
 * values, validated here; which settings they come from is the application's business (error
 * messages name the components, never an application's keys).
 *
 * @param maxBatch      most utterances in one model call; a batch is cut as soon as this many wait
 * @param maxDelay      longest an utterance waits for companions before its batch is cut anyway
 * @param queueCapacity most utterances waiting at once (the backpressure bound); at least {@code maxBatch}
 * @param submitTimeout how long {@code submit} blocks for queue room before it fails
 * @param closeTimeout  how long {@code close} lets the worker drain pending work before failing the rest
 * @param prepareThreads threads that prepare queued utterances (features, tokens) for a
 *                      {@link io.emostream.model.StagedEmotionModel} while the model runs the
 *                      previous batch; unused for other models
 */
public record BatchingConfig(
    int maxBatch, Duration maxDelay, int queueCapacity, Duration submitTimeout, Duration closeTimeout,
    int prepareThreads) {

  /** 32 utterances, 20 ms, 1024 queued, 5 s submit timeout, 30 s to drain on close, default preparers. */
  public static final BatchingConfig DEFAULT = new BatchingConfig(
      32, Duration.ofMillis(20), 1024, Duration.ofSeconds(5), Duration.ofSeconds(30));

  /** A config with {@link #defaultPrepareThreads()} preparers. */
  public BatchingConfig(int maxBatch, Duration maxDelay, int queueCapacity, Duration submitTimeout,
                        Duration closeTimeout) {
    this(maxBatch, maxDelay, queueCapacity, submitTimeout, closeTimeout, defaultPrepareThreads());
  }

  /**
   * Half the cores, at least 1 and at most 4: the other half is left to the stream threads and to
   * the model's own intra-op threads, and preparation rarely needs more than a few threads to keep
   * ahead of one model (on 2 cores: one preparer beside the model's thread).
   */
  public static int defaultPrepareThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
  }

  public BatchingConfig {
    if (prepareThreads < 1) {
      throw new IllegalArgumentException("prepareThreads is " + prepareThreads + "; use 1 or more");
    }
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(submitTimeout, "submitTimeout");
    Objects.requireNonNull(closeTimeout, "closeTimeout");
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch is " + maxBatch + "; use 1 or more");
    }
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("maxDelay is " + maxDelay + "; use 0 ms or more");
    }
    if (queueCapacity < maxBatch) {
      throw new IllegalArgumentException("queueCapacity is " + queueCapacity
          + " but must be at least maxBatch (" + maxBatch + ")");
    }
    if (submitTimeout.isNegative() || closeTimeout.isNegative()) {
      throw new IllegalArgumentException("submit and close timeouts must not be negative");
    }
  }

  /** This config with another batch size and delay. */
  public BatchingConfig withBatch(int newMaxBatch, Duration newMaxDelay) {
    return new BatchingConfig(newMaxBatch, newMaxDelay, Math.max(queueCapacity, newMaxBatch),
        submitTimeout, closeTimeout, prepareThreads);
  }

  /** This config with another queue bound and submit timeout. */
  public BatchingConfig withQueue(int newQueueCapacity, Duration newSubmitTimeout) {
    return new BatchingConfig(maxBatch, maxDelay, newQueueCapacity, newSubmitTimeout, closeTimeout, prepareThreads);
  }

  /** This config with {@code threads} preparers. */
  public BatchingConfig withPrepareThreads(int threads) {
    return new BatchingConfig(maxBatch, maxDelay, queueCapacity, submitTimeout, closeTimeout, threads);
  }
}
