package io.emostream.app;

import io.emostream.topology.StreamsErrorHandling;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties emostream runs with: the user's settings, over defaults that
 * suit the application — exactly-once processing, the dead-letter topic with log-and-continue
 * handlers, and room for records that carry up to a minute of audio.
 */
public final class StreamsSettings {

  /** Largest record emostream writes (an utterance with its audio in the scorer's changelog). */
  public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

  private StreamsSettings() {}

  /** Streams properties for {@code config}; user settings win over every default here. */
  public static Properties from(EmostreamConfig config, String deadLetterTopic) {
    Properties defaults = new Properties();
    defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    defaults.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    defaults.put(StreamsConfig.STATE_DIR_CONFIG,
        Path.of(System.getProperty("java.io.tmpdir"), "emostream-state").toString());
    defaults.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(EmostreamConfig.TOPICS_REPLICATION).orElse("-1"));
    defaults.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), String.valueOf(MAX_RECORD_BYTES));
    defaults.put(StreamsConfig.topicPrefix("max.message.bytes"), String.valueOf(MAX_RECORD_BYTES));
    Properties props = new Properties();
    props.putAll(defaults);
    props.putAll(config.streamsProperties());
    return StreamsErrorHandling.apply(props, deadLetterTopic);
  }
}
