package io.emostream.deadletters;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' production handler for emostream.
 *
 * <ul>
 *   <li>An output record that cannot be serialized: its source record (original bytes) goes to the
 *       dead-letter topic, reason {@link DeadLetterReason#SERIALIZATION_FAILED}, and processing goes
 *       on. When the cause is transient (the schema registry is away) the send fails instead, so the
 *       processor sees it and tries again (the scorer keeps the result in its store until it is
 *       forwarded).
 *   <li>An output record the broker refuses (e.g. {@code RecordTooLargeException}) is not
 *       dead-lettered: retriable errors are retried and the rest fail the task, as Kafka Streams'
 *       default handler does. A dead letter cannot be written reliably here. Under exactly-once
 *       (emostream's default) the refused send has already doomed the transaction, letter included.
 *       Under at-least-once this handler runs in the producer's I/O thread, and a letter for a topic
 *       the producer has no metadata for yet blocks that very thread for {@code max.block.ms} (seen
 *       in {@code DeadLetterContractIT}: a 60 s stall, then the task reprocessed the record).
 * </ul>
 */
public final class DeadLetteringProductionHandler implements ProductionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProductionHandler.class);

  private final HandlerLetters letters = new HandlerLetters();

  @Override
  public void configure(Map<String, ?> configs) {
    letters.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    LOG.error("The broker refused a record for {} (source {}-{}@{}, task {}): {}; failing the task (see the class doc)",
        record.topic(), context.topic(), context.partition(), context.offset(), context.taskId(), exception.toString());
    return Response.fail();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
      SerializationExceptionOrigin origin) {
    if (TransientFailures.isTransient(exception)) {
      return Response.fail();
    }
    DeadLetter letter = HandlerLetters.at(context, DeadLetter.of(DeadLetterReason.SERIALIZATION_FAILED,
            DeadLetterStage.PRODUCTION, "output " + origin.name().toLowerCase(java.util.Locale.ROOT) + " for "
                + record.topic() + " cannot be serialized: " + HandlerLetters.describe(exception)))
        .withError(exception)
        .withIds(RecordIds.callId(record.value(), record.topic().endsWith("-repartition") ? null : record.key()),
            RecordIds.utteranceId(record.value()));
    return Response.resume(write(context, letter));
  }

  /** The source record's bytes (the input that led here); the output has no bytes, it failed to become them. */
  private java.util.List<ProducerRecord<byte[], byte[]>> write(ErrorHandlerContext context, DeadLetter letter) {
    return letters.write(context, letter, context.sourceRawKey(), context.sourceRawValue());
  }
}
