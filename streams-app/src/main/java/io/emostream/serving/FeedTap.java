package io.emostream.serving;

import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link EventFeed} from the output topics {@code emotion.utterances} and
 * {@code emotion.alerts}, and measures end-to-end latency on the way.
 *
 * <p>A plain consumer rather than a tap in the topology: with exactly-once processing, records
 * a topology forwards may still be aborted, while a {@code read_committed} consumer sees only
 * what every other reader will see, exactly once. It also gives every instance the events of
 * all partitions, so a browser connected to any instance sees every call. It assigns itself
 * all partitions (no consumer group: nothing to commit, nothing left behind on the broker) and
 * starts from the end, because the feed is live; history is what the REST API is for.
 */
final class FeedTap implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedTap.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY_ASSIGN = Duration.ofSeconds(5);

  private final Properties props;
  private final Topic<String, ScoredUtterance> utterances;
  private final Topic<String, EmotionAlert> alerts;
  private final EventFeed feed;
  private final LatencyHistogram endToEnd = new LatencyHistogram();
  private final LatencyHistogram scoring = new LatencyHistogram();
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;

  /** @param clientProps bootstrap and security settings of the cluster */
  FeedTap(Properties clientProps, Topic<String, ScoredUtterance> utterances, Topic<String, EmotionAlert> alerts,
      EventFeed feed) {
    this.props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "emostream-event-feed");
    this.utterances = utterances;
    this.alerts = alerts;
    this.feed = feed;
  }

  /** Starts reading on a daemon thread. */
  void start() {
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    thread = new Thread(this::run, "emostream-event-feed");
    thread.setDaemon(true);
    thread.start();
  }

  /** Transcript time to readable on the output topic. */
  LatencyHistogram endToEnd() {
    return endToEnd;
  }

  /** Transcript time to scored. */
  LatencyHistogram scoring() {
    return scoring;
  }

  private void run() {
    try {
      while (stop.getCount() > 0) {
        if (consumer.assignment().isEmpty() && !assignAll()) {
          stop.await(RETRY_ASSIGN.toMillis(), TimeUnit.MILLISECONDS);
          continue;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          accept(record, System.currentTimeMillis());
        }
      }
    } catch (WakeupException e) {
      // close() woke the consumer up
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("The event feed stopped; /api/stream will send keep-alives only until a restart", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private boolean assignAll() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(utterances.name(), alerts.name())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      if (infos == null || infos.isEmpty()) {
        LOG.info("Event feed waits for topic {} to exist", topic);
        return false;
      }
      infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    LOG.info("Event feed reads {} partitions of {} and {} from the end", partitions.size(), utterances.name(),
        alerts.name());
    return true;
  }

  /** Publishes one record to the feed; {@code nowMs} is when it was read. */
  void accept(ConsumerRecord<byte[], byte[]> record, long nowMs) {
    try {
      if (record.topic().equals(utterances.name())) {
        ScoredUtterance u = utterances.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (u == null) {
          return;
        }
        Instant transcript = u.getTimings().getTranscriptTimestamp();
        if (transcript != null) {
          endToEnd.record((nowMs - transcript.toEpochMilli()) / 1000.0);
          scoring.record((u.getTimings().getScoredAt().toEpochMilli() - transcript.toEpochMilli()) / 1000.0);
        }
        feed.publish("utterance", u.getCallId(), UtteranceEvent.of(u));
      } else if (record.topic().equals(alerts.name())) {
        EmotionAlert a = alerts.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (a != null) {
          feed.publish("alert", a.getCallId(), AlertEvent.of(a));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Event feed skips the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.toString());
    }
  }

  @Override
  public void close() {
    stop.countDown();
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
