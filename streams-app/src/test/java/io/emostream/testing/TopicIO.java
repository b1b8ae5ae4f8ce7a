package io.emostream.testing;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.avro.TranscriptSegment;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.topics.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces and reads emostream's Avro topics on a real broker and registry, the way clients do. */
public final class TopicIO {

  private final String bootstrap;
  private final String registryUrl;

  public TopicIO(String bootstrap, String registryUrl) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
  }

  /** Publishes input records to the right input topic by type, keyed by call id. */
  public void publish(TopicNames names, List<SpecificRecord> records) {
    try (var serde = new SpecificAvroSerde<SpecificRecord>();
         var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
             ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer())) {
      serde.configure(Map.of("schema.registry.url", registryUrl), false);
      for (SpecificRecord record : records) {
        String topic = topicOf(names, record);
        String key = String.valueOf(record.get(record.getSchema().getField("callId").pos()));
        producer.send(new ProducerRecord<>(topic, key, serde.serializer().serialize(topic, record)));
      }
      producer.flush();
    }
  }

  private static String topicOf(TopicNames names, SpecificRecord record) {
    if (record instanceof AudioChunk) {
      return names.audio();
    }
    if (record instanceof TranscriptSegment) {
      return names.transcripts();
    }
    if (record instanceof CallEvent) {
      return names.events();
    }
    throw new IllegalArgumentException("not an input record: " + record.getClass());
  }

  /** Publishes raw bytes (for bad-input tests). */
  public void publishRaw(String topic, String key, byte[] value) {
    try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value));
      producer.flush();
    }
  }

  /**
   * Reads {@code topic} with {@code read_committed} from the beginning until {@code done} holds
   * for what was read, or {@code timeout} passes; then reads on for {@code settle} to catch
   * anything extra (duplicates).
   */
  @SuppressWarnings("unchecked")
  public <T extends SpecificRecord> List<T> readCommitted(String topic, Predicate<List<T>> done, Duration timeout,
                                                          Duration settle) {
    List<T> values = new ArrayList<>();
    try (var serde = new SpecificAvroSerde<SpecificRecord>();
         var consumer = new KafkaConsumer<>(Map.<String, Object>of(
             ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
             ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
             ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
             ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
             new StringDeserializer(), new ByteArrayDeserializer())) {
      serde.configure(Map.of("schema.registry.url", registryUrl), false);
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(values) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add((T) serde.deserializer().deserialize(topic, r.value())));
      }
      long settleEnd = System.nanoTime() + settle.toNanos();
      while (System.nanoTime() < settleEnd) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add((T) serde.deserializer().deserialize(topic, r.value())));
      }
    }
    return values;
  }

  /** Number of records on {@code topic} visible to read_committed readers, read for up to {@code wait}. */
  public int countCommitted(String topic, Duration wait) {
    int count = 0;
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "it-counter-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < end) {
        count += consumer.poll(Duration.ofMillis(200)).count();
      }
    }
    return count;
  }
}
