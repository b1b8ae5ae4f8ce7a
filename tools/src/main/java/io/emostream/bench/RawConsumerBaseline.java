package io.emostream.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The broker's own delivery rate here: one plain consumer reads the already published input
 * topics from the beginning as raw bytes (no deserialization, no processing). The pipeline's
 * throughput divided by this says how much of what the broker can deliver the app keeps up with.
 */
final class RawConsumerBaseline {

  /**
   * What the consumer read.
   *
   * @param records records read
   * @param bytes   key plus value bytes read
   * @param seconds from the first poll (connected, offsets known) to the last record
   */
  record Reading(long records, long bytes, double seconds) {}

  private RawConsumerBaseline() {}

  /**
   * Reads {@code expected} records from {@code partitions}, or as many as arrive before {@code timeout}.
   */
  static Reading read(String bootstrapServers, List<TopicPartition> partitions, long expected, Duration timeout,
                      Progress progress) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // connect and resolve the start offsets before the clock starts: the figure is delivery, not set-up
      partitions.forEach(consumer::position);
      long records = 0;
      long bytes = 0;
      long start = System.nanoTime();
      long lastRecordAt = start;
      long deadline = start + timeout.toNanos();
      while (records < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          records++;
          bytes += (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
          lastRecordAt = System.nanoTime();
        }
        progress.update(records + "/" + expected + " records read");
      }
      return new Reading(records, bytes, (lastRecordAt - start) / 1e9);
    }
  }
}
