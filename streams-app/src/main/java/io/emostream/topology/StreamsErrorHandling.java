package io.emostream.topology;

import io.emostream.deadletters.DeadLetteringDeserializationHandler;
import io.emostream.deadletters.DeadLetteringProcessingHandler;
import io.emostream.deadletters.DeadLetteringProductionHandler;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams' own error handling for what our processors cannot see: a record that fails to
 * deserialize in a source node, an unexpected exception in a processor, or an output record that
 * cannot be serialized or is refused by the broker goes to the dead-letter topic with the same
 * {@code emostream.dlq.*} headers our processors write (see {@code io.emostream.deadletters}), and
 * the app continues instead of dying on one record.
 */
public final class StreamsErrorHandling {

  private StreamsErrorHandling() {}

  /**
   * Sets the dead-letter topic and emostream's dead-lettering handlers, unless the caller has set a
   * handler already.
   *
   * @param props           the Streams properties to extend (modified in place)
   * @param deadLetterTopic the dead-letter topic (must exist)
   * @return {@code props}
   */
  public static Properties apply(Properties props, String deadLetterTopic) {
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringDeserializationHandler.class.getName());
    props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringProcessingHandler.class.getName());
    props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringProductionHandler.class.getName());
    return props;
  }
}
