package io.emostream.deadletters;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three Kafka Streams exception handlers share: the dead-letter topic and the counter from
 * the Streams properties, and turning a {@link DeadLetter} into the record Kafka Streams sends.
 */
final class HandlerLetters {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private String topic;
  private DeadLetterCounter counter = new DeadLetterCounter();

  /** Reads {@code errors.dead.letter.queue.topic.name} and the {@link DeadLetterCounter}. */
  void configure(Map<String, ?> configs) {
    Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    topic = name == null || name.toString().isBlank() ? null : name.toString();
    counter = DeadLetterCounter.from(configs);
  }

  /** {@code letter} positioned at the record {@code context} describes (no position in a punctuation). */
  static DeadLetter at(ErrorHandlerContext context, DeadLetter letter) {
    return context.topic() == null ? letter : letter.withSource(context.topic(), context.partition(), context.offset());
  }

  /**
   * The dead-letter record for {@code letter} (none when no dead-letter topic is configured: then it
   * is only logged), counted and logged.
   */
  List<ProducerRecord<byte[], byte[]>> write(ErrorHandlerContext context, DeadLetter letter, byte[] key,
      byte[] value) {
    LOG.warn("Dead-lettering record {} ({}, {}, task {}, node {}): {}", letter.where(), letter.stage().headerValue(),
        letter.reason(), context.taskId(), context.processorNodeId(), letter.detail(), letter.error());
    if (topic == null) {
      LOG.warn("No {} set: the record above is dropped, not dead-lettered",
          StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
      return List.of();
    }
    counter.record(letter.reason());
    return List.of(new ProducerRecord<>(topic, null, context.timestamp() < 0 ? null : context.timestamp(), key, value,
        letter.headers(context.headers())));
  }

  /** A sentence for the detail header: the exception's message, or its class when it has none. */
  static String describe(Throwable error) {
    return error.getMessage() == null ? error.getClass().getName() : error.getMessage();
  }
}
