package io.emostream.deadletters;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' processing handler for emostream: when a processor or punctuator throws, the source
 * record (original bytes) goes to the dead-letter topic with the one header set, reason
 * {@link DeadLetterReason#STREAMS_PROCESSING_ERROR}, and processing continues. A transient failure
 * (schema registry or network away, see {@link TransientFailures}) is logged and not dead-lettered:
 * the record is good, and the scorer, where output serialization happens, forwards it again.
 */
public final class DeadLetteringProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProcessingHandler.class);

  private final HandlerLetters letters = new HandlerLetters();

  @Override
  public void configure(Map<String, ?> configs) {
    letters.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (TransientFailures.isTransient(exception)) {
      LOG.warn("Processor {} (task {}) failed on record {}-{}@{} for a transient reason; not dead-lettered: {}",
          context.processorNodeId(), context.taskId(), context.topic(), context.partition(), context.offset(),
          exception.toString());
      return Response.resume();
    }
    Object value = record == null ? null : record.value();
    Object key = record == null ? null : record.key();
    DeadLetter letter = HandlerLetters.at(context, DeadLetter.of(DeadLetterReason.STREAMS_PROCESSING_ERROR,
            DeadLetterStage.PROCESSING, "processor " + context.processorNodeId() + " failed: "
                + HandlerLetters.describe(exception)))
        .withError(exception)
        .withIds(RecordIds.callId(value, key), RecordIds.utteranceId(value));
    return Response.resume(letters.write(context, letter, context.sourceRawKey(), context.sourceRawValue()));
  }
}
