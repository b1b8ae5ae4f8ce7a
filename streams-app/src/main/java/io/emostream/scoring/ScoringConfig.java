package io.emostream.scoring;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the {@link EmotionScorer} forms micro-batches, retries the model and publishes text.
 *
 * @param maxBatch     flush as soon as this many utterances wait ({@code inference.max-batch})
 * @param maxDelay     flush when the oldest waiting utterance is this old, wall-clock
 *                     ({@code inference.max-delay})
 * @param retries      model retries of a failed batch before it is split and scored one by one
 *                     ({@code inference.retries})
 * @param retryBackoff first retry pause, doubled per retry and capped at {@link #MAX_BACKOFF}
 *                     ({@code inference.retry-backoff})
 * @param textMode     transcript text in the output ({@code output.include-text})
 */
public record ScoringConfig(
    int maxBatch, Duration maxDelay, int retries, Duration retryBackoff, TextMode textMode) {

  public static final String MAX_BATCH = "inference.max-batch";
  public static final String MAX_DELAY = "inference.max-delay";
  public static final String RETRIES = "inference.retries";
  public static final String RETRY_BACKOFF = "inference.retry-backoff";
  public static final String INCLUDE_TEXT = "output.include-text";

  /**
   * Longest single pause between retries: the retry loop runs on the stream thread, so it
   * must stay well below {@code max.poll.interval.ms} even with every retry used.
   */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  public static final ScoringConfig DEFAULT = from(Map.of());

  public ScoringConfig {
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(textMode, "textMode");
    if (maxBatch < 1) {
      throw new IllegalArgumentException(MAX_BATCH + " is " + maxBatch + "; use 1 or more");
    }
    if (retries < 0) {
      throw new IllegalArgumentException(RETRIES + " is " + retries + "; use 0 or more");
    }
  }

  /** Reads the settings above from {@code settings}, defaulting what is unset. */
  public static ScoringConfig from(Map<String, ?> settings) {
    ConfigReader read = new ConfigReader(settings);
    return new ScoringConfig(
        read.intIn(MAX_BATCH, 16, 1, 4096),
        read.durationIn(MAX_DELAY, Duration.ofMillis(100), Duration.ZERO, Duration.ofMinutes(1)),
        read.intIn(RETRIES, 3, 0, 10),
        read.durationIn(RETRY_BACKOFF, Duration.ofMillis(100), Duration.ZERO, MAX_BACKOFF),
        read.enumOf(INCLUDE_TEXT, TextMode.REDACTED, TextMode.class));
  }

  /** Pause before retry number {@code attempt} (1-based): backoff doubled per retry, capped. */
  public Duration backoffBefore(int attempt) {
    long millis = retryBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
  }

  /** How often the wall-clock punctuation checks the oldest pending utterance. */
  public Duration punctuationInterval() {
    long millis = Math.max(1, Math.min(maxDelay.toMillis(), 50));
    return Duration.ofMillis(millis);
  }
}
