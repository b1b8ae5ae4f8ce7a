package io.emostream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import io.emostream.deadletters.DeadLetteringDeserializationHandler;
import io.emostream.deadletters.DeadLetteringProcessingHandler;
import io.emostream.deadletters.DeadLetteringProductionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.junit.jupiter.api.Test;

class StreamsErrorHandlingTest {

  @Test
  void shouldRouteUnhandledFailuresToTheDeadLetterTopicAndContinue() {
    Properties p = StreamsErrorHandling.apply(new Properties(), "emotion.dead-letters");
    assertThat(p).containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "emotion.dead-letters")
        .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetteringDeserializationHandler.class.getName())
        .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetteringProcessingHandler.class.getName())
        .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetteringProductionHandler.class.getName());
    new StreamsConfig(withRequired(p)); // Kafka Streams accepts the combination
  }

  @Test
  void shouldKeepAHandlerTheOperatorChose() {
    Properties p = new Properties();
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class.getName());
    StreamsErrorHandling.apply(p, "dlq");
    assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(LogAndFailExceptionHandler.class.getName());
  }

  private static Properties withRequired(Properties p) {
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "x");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    return p;
  }
}
