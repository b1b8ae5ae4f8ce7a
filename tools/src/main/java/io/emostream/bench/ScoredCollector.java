package io.emostream.bench;

import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.TranscriptSegment;
import io.emostream.schemas.serde.SpecificAvroSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads both ends of the latency measurement: the scored utterances as the app commits them
 * ({@code read_committed}, as a downstream consumer sees them) and, afterwards, the final
 * transcripts, each with its broker append time, keyed by {@code callId|utteranceId}.
 */
final class ScoredCollector {

  /** One scored utterance as a consumer saw it. */
  record Scored(long appendMs, double audioSeconds, int scorerBatchSize) {}

  private final String bootstrapServers;
  private final String registryUrl;

  ScoredCollector(String bootstrapServers, String registryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
  }

  /** The join key of an utterance. */
  static String key(String callId, String utteranceId) {
    return callId + "|" + utteranceId;
  }

  /**
   * Reads scored utterances from {@code partitions} until every key of {@code expected} was seen
   * or {@code timeout} passes; utterances outside {@code expected} (e.g. audio-only ones) and
   * duplicates are not counted.
   */
  Map<String, Scored> collect(List<TopicPartition> partitions, Set<String> expected, Duration timeout,
                              Progress progress) {
    Map<String, Scored> seen = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (var serde = new SpecificAvroSerde<>(ScoredUtterance.class);
         var consumer = consumer("read_committed")) {
      serde.configure(Map.of("schema.registry.url", registryUrl), false);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (seen.size() < expected.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          ScoredUtterance u = serde.deserializer().deserialize(record.topic(), record.value());
          String key = key(u.getCallId(), u.getUtteranceId());
          if (expected.contains(key)) {
            seen.putIfAbsent(key, new Scored(record.timestamp(), (u.getEndMs() - u.getStartMs()) / 1000.0,
                u.getTimings().getBatchSize()));
          }
        }
        progress.update(seen.size() + "/" + expected.size() + " utterances scored");
      }
    }
    return seen;
  }

  /** Append time of every final transcript on {@code partitions}, read to their current end. */
  Map<String, Long> transcriptAppendTimes(List<TopicPartition> partitions, Duration timeout) {
    Map<String, Long> times = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (var serde = new SpecificAvroSerde<>(TranscriptSegment.class);
         var consumer = consumer("read_uncommitted")) {
      serde.configure(Map.of("schema.registry.url", registryUrl), false);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          TranscriptSegment t = serde.deserializer().deserialize(record.topic(), record.value());
          if (t.getIsFinal()) {
            times.putIfAbsent(key(t.getCallId(), t.getUtteranceId()), record.timestamp());
          }
        }
      }
    }
    return times;
  }

  private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (var entry : end.entrySet()) {
      if (consumer.position(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  private KafkaConsumer<String, byte[]> consumer(String isolation) {
    return new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024),
        new StringDeserializer(), new ByteArrayDeserializer());
  }
}
