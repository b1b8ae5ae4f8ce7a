package io.emostream.config;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The {@code inference.*} keys and {@code output.include-text}: batching, retries, back-pressure, text. */
public final class InferenceKeys {

  public static final String MAX_BATCH_CONFIG = "inference.max-batch";
  public static final int MAX_BATCH_DEFAULT = 32;
  static final String MAX_BATCH_DOC = "Most utterances in one model call (the JVM's one shared batcher).";

  public static final String MAX_DELAY_CONFIG = "inference.max-delay";
  public static final String MAX_DELAY_DEFAULT = "20ms";
  static final String MAX_DELAY_DOC = "Longest an utterance waits for companions before its batch is cut anyway.";

  public static final String QUEUE_CAPACITY_CONFIG = "inference.queue-capacity";
  public static final int QUEUE_CAPACITY_DEFAULT = 1024;
  static final String QUEUE_CAPACITY_DOC = "Most utterances queued for the model in the JVM, at least "
      + "inference.max-batch; a full queue holds the submitting stream thread back.";

  public static final String MAX_IN_FLIGHT_CONFIG = "inference.max-in-flight";
  public static final int MAX_IN_FLIGHT_DEFAULT = 512;
  static final String MAX_IN_FLIGHT_DOC = "Most utterances one scorer task holds between receiving and forwarding; "
      + "at the bound the stream thread waits for the oldest result.";

  public static final String PREPARE_THREADS_CONFIG = "inference.prepare-threads";
  public static final int PREPARE_THREADS_DEFAULT = 0;
  static final String PREPARE_THREADS_DOC = "Threads that compute queued utterances' features and tokens while the model "
      + "runs the previous batch; 0: half the cores, 1 to 4.";

  public static final String RETRIES_CONFIG = "inference.retries";
  public static final int RETRIES_DEFAULT = 3;
  static final String RETRIES_DOC = "Model retries of an utterance that failed alone, before it is dead-lettered.";

  public static final String RETRY_BACKOFF_CONFIG = "inference.retry-backoff";
  public static final String RETRY_BACKOFF_DEFAULT = "100ms";
  static final String RETRY_BACKOFF_DOC = "First pause before a retry, doubled per retry, at most 2s.";

  public static final String INCLUDE_TEXT_CONFIG = "output.include-text";
  public static final String INCLUDE_TEXT_DEFAULT = "redacted";
  static final String INCLUDE_TEXT_DOC = "Transcript text in the output: redacted (numbers, cards, e-mail "
      + "addresses masked), full, or none.";

  /** Keys of the former second batching layer, read (with a warning) when the new key is unset. */
  static final Map<String, String> DEPRECATED = Map.of(
      "model.batch.max", MAX_BATCH_CONFIG,
      "model.batch.max-delay-ms", MAX_DELAY_CONFIG,
      "model.batch.queue-capacity", QUEUE_CAPACITY_CONFIG);

  private InferenceKeys() {}

  static ConfigDef define(ConfigDef def) {
    return def
        .define(MAX_BATCH_CONFIG, Type.INT, MAX_BATCH_DEFAULT, Validators.intIn(1, 4096), Importance.HIGH,
            MAX_BATCH_DOC)
        .define(MAX_DELAY_CONFIG, Type.STRING, MAX_DELAY_DEFAULT, Validators.durationIn(Duration.ZERO, Duration.ofMinutes(1)),
            Importance.HIGH, MAX_DELAY_DOC)
        .define(QUEUE_CAPACITY_CONFIG, Type.INT, QUEUE_CAPACITY_DEFAULT, Validators.intIn(1, 1 << 20),
            Importance.MEDIUM, QUEUE_CAPACITY_DOC)
        .define(MAX_IN_FLIGHT_CONFIG, Type.INT, MAX_IN_FLIGHT_DEFAULT, Validators.intIn(1, 1 << 20),
            Importance.MEDIUM, MAX_IN_FLIGHT_DOC)
        .define(PREPARE_THREADS_CONFIG, Type.INT, PREPARE_THREADS_DEFAULT, Validators.intIn(0, 64),
            Importance.LOW, PREPARE_THREADS_DOC)
        .define(RETRIES_CONFIG, Type.INT, RETRIES_DEFAULT, Validators.intIn(0, 10), Importance.LOW, RETRIES_DOC)
        .define(RETRY_BACKOFF_CONFIG, Type.STRING, RETRY_BACKOFF_DEFAULT,
            Validators.durationIn(Duration.ZERO, Duration.ofSeconds(2)), Importance.LOW, RETRY_BACKOFF_DOC)
        .define(INCLUDE_TEXT_CONFIG, Type.STRING, INCLUDE_TEXT_DEFAULT, Validators.oneOf("full", "redacted", "none"),
            Importance.HIGH, INCLUDE_TEXT_DOC);
  }
}
