package io.emostream.deadletters;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Counts the dead letters of Kafka Streams' exception handlers, by reason, for one application
 * instance. Handlers are configured by Kafka Streams from its properties and get no metrics registry,
 * so the instance puts its counter into those properties under {@link #CONFIG}; {@link #metrics()}
 * shows the counts under the same group, name and reason tag as the processors' sensors
 * ({@link DeadLetters}), so every consumer of the metric sums both without knowing there are two.
 * Thread-safe.
 */
public final class DeadLetterCounter {

  /** Streams property holding this object (not a string: it never leaves the JVM). */
  public static final String CONFIG = "emostream.dead-letters.counter";

  static final String GROUP = "stream-" + DeadLetters.METRIC_SCOPE + "-metrics";
  static final String NAME = DeadLetters.METRIC_OPERATION + "-total";
  static final String REASON_TAG = DeadLetters.METRIC_SCOPE + "-id";

  private final Map<DeadLetterReason, LongAdder> counts = new EnumMap<>(DeadLetterReason.class);

  public DeadLetterCounter() {
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      counts.put(reason, new LongAdder());
    }
  }

  /** The counter in {@code configs}, or a fresh one (counted, but seen by nobody) when there is none. */
  static DeadLetterCounter from(Map<String, ?> configs) {
    return configs != null && configs.get(CONFIG) instanceof DeadLetterCounter c ? c : new DeadLetterCounter();
  }

  /** Counts one letter. */
  public void record(DeadLetterReason reason) {
    counts.get(reason).increment();
  }

  /** Letters of {@code reason} so far. */
  public long count(DeadLetterReason reason) {
    return counts.get(reason).sum();
  }

  /** The non-zero counts as metrics: {@code dead-letter-total}, tagged by reason and {@code source=exception-handler}. */
  public Map<MetricName, Metric> metrics() {
    Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    counts.forEach((reason, adder) -> {
      long n = adder.sum();
      if (n > 0) {
        MetricName name = new MetricName(NAME, GROUP, "Dead letters written by Kafka Streams' exception handlers",
            Map.of(REASON_TAG, reason.name().toLowerCase(Locale.ROOT), "source", "exception-handler"));
        metrics.put(name, new Count(name, n));
      }
    });
    return metrics;
  }

  private record Count(MetricName metricName, long value) implements Metric {
    @Override
    public Object metricValue() {
      return (double) value;
    }
  }
}
