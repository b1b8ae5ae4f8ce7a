package io.emostream.scoring;

import io.emostream.model.batching.BatchingConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * @param retries       model retries of an utterance that failed alone, before it is dead-lettered
 *                      ({@code inference.retries})
 * @param retryBackoff  first retry pause, doubled per retry and capped at {@link #MAX_BACKOFF}
 *                      ({@code inference.retry-backoff}); the stream thread goes on meanwhile
 * @param textMode      transcript text in the output ({@code output.include-text})
 */
public record ScoringConfig(int maxBatch, Duration maxDelay, int queueCapacity, int maxInFlight,
    int retries, Duration retryBackoff, TextMode textMode) {

  private static final Logger LOG = LoggerFactory.getLogger(ScoringConfig.class);

  public static final String MAX_BATCH = "inference.max-batch";
  public static final String MAX_DELAY = "inference.max-delay";
  public static final String QUEUE_CAPACITY = "inference.queue-capacity";
  public static final String MAX_IN_FLIGHT = "inference.max-in-flight";
  public static final String RETRIES = "inference.retries";
  public static final String RETRY_BACKOFF = "inference.retry-backoff";
  public static final String INCLUDE_TEXT = "output.include-text";

  /** Keys of the former second batching layer, still read (with a warning) when the new key is unset. */
  static final Map<String, String> DEPRECATED = Map.of(
      "model.batch.max", MAX_BATCH,
      "model.batch.max-delay-ms", MAX_DELAY,
      "model.batch.queue-capacity", QUEUE_CAPACITY);

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
    ConfigReader read = new ConfigReader(withDeprecatedKeys(settings));
    int maxBatch = read.intIn(MAX_BATCH, 32, 1, 4096);
    return new ScoringConfig(
        maxBatch,
        read.durationIn(MAX_DELAY, Duration.ofMillis(20), Duration.ZERO, Duration.ofMinutes(1)),
        read.intIn(QUEUE_CAPACITY, Math.max(1024, maxBatch), 1, 1 << 20),
        read.intIn(MAX_IN_FLIGHT, 512, 1, 1 << 20),
        read.intIn(RETRIES, 3, 0, 10),
        read.durationIn(RETRY_BACKOFF, Duration.ofMillis(100), Duration.ZERO, MAX_BACKOFF),
        read.enumOf(INCLUDE_TEXT, TextMode.REDACTED, TextMode.class));
  }

  /** The shared batcher's settings. */
  public BatchingConfig batching() {
    BatchingConfig d = BatchingConfig.DEFAULT;
    return new BatchingConfig(maxBatch, maxDelay, queueCapacity, d.submitTimeout(), d.closeTimeout());
  }

  /** Pause before retry number {@code attempt} (1-based): backoff doubled per retry, capped. */
  public Duration backoffBefore(int attempt) {
    long millis = retryBackoff.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
    return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
  }

  /** Copies {@code settings}, mapping each deprecated key whose replacement is unset onto it. */
  private static Map<String, ?> withDeprecatedKeys(Map<String, ?> settings) {
    if (DEPRECATED.keySet().stream().noneMatch(k -> settings.get(k) != null)) {
      return settings;
    }
    Map<String, Object> out = new HashMap<>(settings);
    DEPRECATED.forEach((old, current) -> {
      Object value = settings.get(old);
      if (value == null) {
        return;
      }
      if (settings.get(current) != null) {
        LOG.warn("{} is deprecated and ignored because {} is set", old, current);
        return;
      }
      LOG.warn("{} is deprecated; use {} (one setting for the one batching layer)", old, current);
      out.put(current, old.endsWith("-ms") ? value.toString().trim() + "ms" : value);
    });
    return out;
  }
}
