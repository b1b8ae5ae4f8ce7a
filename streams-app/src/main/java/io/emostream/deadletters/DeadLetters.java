package io.emostream.deadletters;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter writer of a processor (validation, assembly, scoring): forwards the original key
 * and value bytes to the processor's dead-letter sink with the {@link DeadLetterHeaders}, counts the
 * letter in a Kafka Streams metric tagged by reason and logs it with topic, partition and offset.
 * Kafka Streams' own failures are written by its exception handlers ({@link DeadLetteringDeserializationHandler},
 * {@link DeadLetteringProcessingHandler}, {@link DeadLetteringProductionHandler}) with the same
 * headers. One instance per processor (it holds that processor's context).
 */
public final class DeadLetters {

  /** Scope of the metric: {@code dead-letter-total} in group {@code stream-emostream-dead-letters-metrics}. */
  public static final String METRIC_SCOPE = "emostream-dead-letters";
  public static final String METRIC_OPERATION = "dead-letter";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final ProcessorContext<?, ?> context;
  private final String sinkName;
  private final DeadLetterStage stage;
  private final Map<DeadLetterReason, Sensor> sensors = new EnumMap<>(DeadLetterReason.class);

  /**
   * @param context  the owning processor's context
   * @param sinkName the child node (a sink to the dead-letter topic) records are forwarded to
   * @param stage    the stage this processor is
   */
  public DeadLetters(ProcessorContext<?, ?> context, String sinkName, DeadLetterStage stage) {
    this.context = Objects.requireNonNull(context, "context");
    this.sinkName = Objects.requireNonNull(sinkName, "sinkName");
    this.stage = Objects.requireNonNull(stage, "stage");
  }

  /**
   * Dead-letters the record being processed, refused by a check.
   *
   * @param source    the record as read (its headers and timestamp are kept)
   * @param rawKey    original key bytes (may be null)
   * @param rawValue  original value bytes (may be null)
   * @param rejection why
   * @param error     the exception behind it, or null
   * @param decoded   the decoded value when there is one (names the call and utterance), or null
   */
  public void send(Record<?, ?> source, byte[] rawKey, byte[] rawValue, Rejection rejection, Throwable error,
      Object decoded) {
    DeadLetter letter = DeadLetter.of(rejection.reason(), stage, rejection.detail()).withError(error)
        .withIds(RecordIds.callId(decoded, source.key() == null ? rawKey : source.key()),
            RecordIds.utteranceId(decoded));
    if (context.recordMetadata().isPresent()) {
      RecordMetadata meta = context.recordMetadata().get();
      letter = letter.withSource(meta.topic(), meta.partition(), meta.offset());
    }
    send(source, rawKey, rawValue, letter);
  }

  /**
   * Sends {@code letter} with {@code key} and {@code value} as the record's key and value, keeping
   * {@code source}'s timestamp and headers.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void send(Record<?, ?> source, Object key, byte[] value, DeadLetter letter) {
    LOG.warn("Dead-lettering record {} ({}, {}): {}", letter.where(), letter.stage().headerValue(),
        letter.reason(), letter.detail());
    Record<Object, byte[]> out = new Record<>(key, value, source.timestamp(), letter.headers(source.headers()));
    ((ProcessorContext) context).forward(out, sinkName);
    sensors.computeIfAbsent(letter.reason(), this::sensor).record();
  }

  private Sensor sensor(DeadLetterReason reason) {
    return context.metrics().addRateTotalSensor(METRIC_SCOPE, reason.name().toLowerCase(java.util.Locale.ROOT),
        METRIC_OPERATION, Sensor.RecordingLevel.INFO);
  }
}
