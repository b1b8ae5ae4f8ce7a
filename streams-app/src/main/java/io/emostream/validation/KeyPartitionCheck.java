package io.emostream.validation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects input records whose key does not hash, with Kafka's murmur2 partitioner, to the
 * partition they arrived on.
 *
 * <p>Interactive queries find a call's state by murmur2-hashing its callId, and the assembler
 * only joins a call's audio and transcripts when all of them land on one partition. Java
 * producers hash keys with murmur2; librdkafka clients (Python, Go, .NET, C) default to CRC32
 * unless configured with {@code partitioner=murmur2_random}. Records from such producers are
 * still processed, but each one is counted ({@code emostream_partition_mismatch_total} by
 * topic) and a warning naming the topic and the setting to fix is logged at most once a minute
 * per topic and JVM.
 */
public final class KeyPartitionCheck {

  /** Streams setting carrying the input topics' partition count; the app sets it at start. */
  public static final String PARTITIONS_CONFIG = "emostream.input.partitions";
  public static final String METRIC_SCOPE = "emostream-partitioning";
  public static final String METRIC_OPERATION = "partition-mismatch";
  static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(KeyPartitionCheck.class);
  // One clock per topic for the whole JVM: every task of every stream thread shares the limit.
  private static final Map<String, Long> LAST_WARNED = new ConcurrentHashMap<>();

  private final int partitions;
  private final ProcessorContext<?, ?> context;
  private final Map<String, Sensor> sensors = new HashMap<>();

  private KeyPartitionCheck(int partitions, ProcessorContext<?, ?> context) {
    this.partitions = partitions;
    this.context = context;
  }

  /** The check for the processor of {@code context}, or null when the partition count is not configured. */
  static KeyPartitionCheck of(ProcessorContext<?, ?> context) {
    Object configured = context.appConfigs().get(PARTITIONS_CONFIG);
    int n = configured == null ? 0 : Integer.parseInt(configured.toString());
    return n > 0 ? new KeyPartitionCheck(n, context) : null;
  }

  /** The partition Kafka's Java producer would choose for {@code key} among {@code partitions}. */
  public static int murmur2Partition(byte[] key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  /**
   * Checks one record; returns whether its key belongs on {@code partition} (true for null keys,
   * which nothing can check).
   */
  boolean check(byte[] key, String topic, int partition) {
    if (key == null || partition < 0) {
      return true;
    }
    int expected = murmur2Partition(key, partitions);
    if (expected == partition) {
      return true;
    }
    sensors.computeIfAbsent(topic, t -> context.metrics().addRateTotalSensor(METRIC_SCOPE, t,
        METRIC_OPERATION, Sensor.RecordingLevel.INFO)).record();
    if (dueForWarning(topic, System.currentTimeMillis())) {
      LOG.warn("Topic {}: a record keyed {} arrived on partition {}, but murmur2 (Kafka's Java partitioner) puts"
          + " that key on partition {} of {}. Its producer partitions differently (librdkafka clients -- Python,"
          + " Go, .NET, C -- use CRC32 by default): set partitioner=murmur2_random in that producer. Until then"
          + " look-ups of such calls fall back to asking every instance, and a call whose audio and transcripts"
          + " come from differently configured producers cannot be joined. Counted in"
          + " emostream_partition_mismatch_total; this warning repeats at most once a minute per topic.",
          topic, new String(key, StandardCharsets.UTF_8), partition, expected, partitions);
    }
    return false;
  }

  /** Whether this caller is the one to warn about {@code topic} now (atomically, across threads). */
  private static boolean dueForWarning(String topic, long now) {
    boolean[] due = {false};
    LAST_WARNED.compute(topic, (t, last) -> {
      due[0] = last == null || now - last >= WARN_INTERVAL.toMillis();
      return due[0] ? now : last;
    });
    return due[0];
  }
}
