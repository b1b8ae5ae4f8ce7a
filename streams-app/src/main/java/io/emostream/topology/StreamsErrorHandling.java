package io.emostream.topology;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * Kafka Streams' own error handling for what our validating processors cannot see: a
 * record that fails in the source node or an unexpected exception in a processor goes to
 * the dead-letter topic (KIP-1034, original bytes plus {@code __streams.errors.*} headers)
 * and the app continues instead of dying on one record.
 */
public final class StreamsErrorHandling {

  private StreamsErrorHandling() {}

  /**
   * Sets the dead-letter topic and log-and-continue handlers, unless the caller has set a
   * handler already.
   *
   * @param props           the Streams properties to extend (modified in place)
   * @param deadLetterTopic the dead-letter topic (must exist)
   * @return {@code props}
   */
  public static Properties apply(Properties props, String deadLetterTopic) {
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class.getName());
    return props;
  }
}
