package io.emostream.validation;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends refused records to the dead-letter sink of a processor: original key and value
 * bytes, original headers, plus headers naming the reason and where the record came
 * from; counts each in a Kafka Streams metric tagged by reason and logs it with topic,
 * partition and offset. One instance per processor (it holds that processor's context).
 */
public final class DeadLetters {

  public static final String HEADER_REASON = "emostream.dlq.reason";
  public static final String HEADER_DETAIL = "emostream.dlq.detail";
  public static final String HEADER_TOPIC = "emostream.dlq.topic";
  public static final String HEADER_PARTITION = "emostream.dlq.partition";
  public static final String HEADER_OFFSET = "emostream.dlq.offset";
  public static final String HEADER_EXCEPTION = "emostream.dlq.exception";

  /** Scope of the metric: {@code dead-letter-total} in group {@code stream-emostream-dead-letters-metrics}. */
  public static final String METRIC_SCOPE = "emostream-dead-letters";
  public static final String METRIC_OPERATION = "dead-letter";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final ProcessorContext<?, ?> context;
  private final String sinkName;
  private final Map<DeadLetterReason, Sensor> sensors = new EnumMap<>(DeadLetterReason.class);

  /**
   * @param context  the owning processor's context
   * @param sinkName the child node (a sink to the dead-letter topic) records are forwarded to
   */
  public DeadLetters(ProcessorContext<?, ?> context, String sinkName) {
    this.context = Objects.requireNonNull(context, "context");
    this.sinkName = Objects.requireNonNull(sinkName, "sinkName");
  }

  /**
   * Dead-letters the record being processed.
   *
   * @param source    the record as read (its headers and timestamp are kept)
   * @param rawKey    original key bytes (may be null)
   * @param rawValue  original value bytes (may be null)
   * @param rejection why
   * @param error     the exception behind it, or null
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void send(Record<?, ?> source, byte[] rawKey, byte[] rawValue, Rejection rejection, Throwable error) {
    Headers headers = new RecordHeaders(source.headers().toArray());
    put(headers, HEADER_REASON, rejection.reason().name());
    put(headers, HEADER_DETAIL, rejection.detail());
    String where = "unknown position";
    if (context.recordMetadata().isPresent()) {
      RecordMetadata meta = context.recordMetadata().get();
      put(headers, HEADER_TOPIC, meta.topic());
      put(headers, HEADER_PARTITION, Integer.toString(meta.partition()));
      put(headers, HEADER_OFFSET, Long.toString(meta.offset()));
      where = meta.topic() + "-" + meta.partition() + "@" + meta.offset();
    }
    if (error != null) {
      put(headers, HEADER_EXCEPTION, error.getClass().getName() + ": " + error.getMessage());
    }
    LOG.warn("Dead-lettering record {} ({}): {}", where, rejection.reason(), rejection.detail());
    Record<byte[], byte[]> letter = new Record<>(rawKey, rawValue, source.timestamp(), headers);
    ((ProcessorContext) context).forward(letter, sinkName);
    sensors.computeIfAbsent(rejection.reason(), this::sensor).record();
  }

  private Sensor sensor(DeadLetterReason reason) {
    return context.metrics().addRateTotalSensor(METRIC_SCOPE, reason.name().toLowerCase(),
        METRIC_OPERATION, Sensor.RecordingLevel.INFO);
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
