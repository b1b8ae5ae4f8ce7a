package io.emostream.serving;

import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A cumulative histogram of latencies in seconds with fixed buckets, cheap to record from the
 * feed's consumer thread and to read from a scrape. Thread-safe.
 */
final class LatencyHistogram {

  /** Upper bounds in seconds; contact-centre latencies range from tens of ms to tens of seconds. */
  static final double[] BOUNDS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final LongAdder[] counts = new LongAdder[BOUNDS.length + 1];
  private final DoubleAdder sum = new DoubleAdder();
  private final LongAdder count = new LongAdder();

  LatencyHistogram() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  /** Records one latency; negative values (clock skew between hosts) count as zero. */
  void record(double seconds) {
    double value = Math.max(0, seconds);
    int bucket = 0;
    while (bucket < BOUNDS.length && value > BOUNDS[bucket]) {
      bucket++;
    }
    counts[bucket].increment();
    sum.add(value);
    count.increment();
  }

  long count() {
    return count.sum();
  }

  /** Writes the family {@code name} (a histogram) with its buckets, sum and count. */
  void writeTo(PrometheusWriter writer, String name, String help) {
    writer.family(name, "histogram", help);
    long cumulative = 0;
    for (int i = 0; i < BOUNDS.length; i++) {
      cumulative += counts[i].sum();
      writer.sample(name + "_bucket", Map.of("le", PrometheusWriter.number(BOUNDS[i])), cumulative);
    }
    cumulative += counts[BOUNDS.length].sum();
    writer.sample(name + "_bucket", Map.of("le", "+Inf"), cumulative);
    writer.sample(name + "_sum", Map.of(), sum.sum());
    writer.sample(name + "_count", Map.of(), cumulative);
  }
}
