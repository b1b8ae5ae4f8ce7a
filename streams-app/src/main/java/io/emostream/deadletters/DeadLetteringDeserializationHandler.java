package io.emostream.deadletters;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Kafka Streams' deserialization handler for emostream: a record a source node cannot deserialize
 * (the input topics are read as bytes and checked by the validation; this catches the topics read
 * with typed serdes, such as {@code emotion.utterances} read back by the group windows) goes to the
 * dead-letter topic with the one header set, reason {@link DeadLetterReason#DESERIALIZATION_FAILED},
 * and processing continues.
 */
public final class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {

  private final HandlerLetters letters = new HandlerLetters();

  @Override
  public void configure(Map<String, ?> configs) {
    letters.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    // the group windows' repartition topics are keyed by agent or queue, not by call
    Object key = record.topic().endsWith("-repartition") ? null : record.key();
    DeadLetter letter = DeadLetter.of(DeadLetterReason.DESERIALIZATION_FAILED, DeadLetterStage.DESERIALIZATION,
            "value of " + (record.value() == null ? 0 : record.value().length) + " bytes on " + record.topic()
                + " cannot be deserialized: " + HandlerLetters.describe(exception))
        .withSource(record.topic(), record.partition(), record.offset())
        .withError(exception)
        .withIds(RecordIds.callId(null, key), null);
    return Response.resume(letters.write(context, letter, record.key(), record.value()));
  }
}
