package io.emostream.validation;

import io.emostream.deadletters.DeadLetterReason;
import io.emostream.deadletters.DeadLetterStage;
import io.emostream.deadletters.DeadLetters;
import io.emostream.deadletters.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reads one input topic as raw bytes, decodes the value with its Avro deserializer and
 * applies the semantic checks. Valid records go on to {@code nextName} as a
 * {@link ValidRecord} keyed by callId; anything else (undecodable bytes, unknown schema
 * ids, failed checks) goes unchanged to {@code deadLetterSinkName}. Reading bytes here,
 * rather than letting the source node deserialize, is what keeps the original bytes
 * available for semantic dead letters. Records whose key does not murmur2-hash to their
 * partition are counted and reported by {@link KeyPartitionCheck}, and processed as usual.
 *
 * @param <T> the Avro type of the topic's values
 */
public final class ValidatingProcessor<T extends SpecificRecord>
    implements Processor<byte[], byte[], String, ValidRecord> {

  private final Deserializer<T> deserializer;
  private final BiFunction<String, T, Optional<Rejection>> check;
  private final String nextName;
  private final String deadLetterSinkName;
  private ProcessorContext<String, ValidRecord> context;
  private DeadLetters deadLetters;
  private KeyPartitionCheck partitionCheck;

  /**
   * @param deserializer       decodes the topic's values (configured, not null)
   * @param check              the semantic check for the type, given the record key
   * @param nextName           the child that receives valid records
   * @param deadLetterSinkName the child sink of the dead-letter topic
   */
  public ValidatingProcessor(Deserializer<T> deserializer, BiFunction<String, T, Optional<Rejection>> check,
                             String nextName, String deadLetterSinkName) {
    this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
    this.check = Objects.requireNonNull(check, "check");
    this.nextName = Objects.requireNonNull(nextName, "nextName");
    this.deadLetterSinkName = Objects.requireNonNull(deadLetterSinkName, "deadLetterSinkName");
  }

  @Override
  public void init(ProcessorContext<String, ValidRecord> context) {
    this.context = context;
    this.deadLetters = new DeadLetters(context, deadLetterSinkName, DeadLetterStage.VALIDATION);
    this.partitionCheck = KeyPartitionCheck.of(context);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    byte[] rawKey = record.key();
    byte[] rawValue = record.value();
    String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
    if (partitionCheck != null) {
      partitionCheck.check(rawKey, topic, context.recordMetadata().map(m -> m.partition()).orElse(-1));
    }
    if (rawValue == null) {
      deadLetters.send(record, rawKey, null, new Rejection(DeadLetterReason.NULL_VALUE,
          "record has no value; input topics carry no tombstones"), null, null);
      return;
    }
    T value;
    try {
      value = deserializer.deserialize(topic, record.headers(), rawValue);
    } catch (RuntimeException e) {
      deadLetters.send(record, rawKey, rawValue, new Rejection(DeadLetterReason.UNDECODABLE,
          "value of " + rawValue.length + " bytes cannot be decoded as Avro (Confluent wire format "
              + "with a registered schema id): " + e.getMessage()), e, null);
      return;
    }
    if (value == null) {
      deadLetters.send(record, rawKey, rawValue, new Rejection(DeadLetterReason.UNDECODABLE,
          "deserializer returned no value for " + rawValue.length + " bytes"), null, null);
      return;
    }
    String key = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
    Optional<Rejection> rejection = check.apply(key == null ? "" : key, value);
    if (rejection.isPresent()) {
      deadLetters.send(record, rawKey, rawValue, rejection.get(), null, value);
      return;
    }
    context.forward(new Record<>(key, new ValidRecord(value, rawKey, rawValue),
        record.timestamp(), record.headers()), nextName);
  }
}
