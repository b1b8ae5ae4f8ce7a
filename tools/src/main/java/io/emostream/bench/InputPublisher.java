package io.emostream.bench;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.TranscriptSegment;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Serializes synthetic calls with the application's Avro serde against the real registry and
 * publishes them to a scenario's input topics, keyed by call id, either at the calls' own pace or
 * as fast as the producer goes.
 *
 * <p>Calls start at staggered, seeded offsets, so they run concurrently as in a contact centre
 * rather than in lockstep: within the first {@link #STAGGER_MS} ms for the fast scenarios, and
 * spread evenly over the first {@link #REALTIME_RAMP_MS} ms at real-time pace. A real-time step
 * of N calls that all started within two seconds put every call's first utterance into the same
 * few seconds, a burst no contact centre sends (calls arrive one by one), which built a backlog
 * in the step's first seconds and decided its p99.
 */
final class InputPublisher {

  /** Calls start within this many ms of each other. */
  static final int STAGGER_MS = 2_000;
  /** At real-time pace, calls arrive evenly over this many ms, each at a seeded point of its slot. */
  static final int REALTIME_RAMP_MS = 10_000;

  /**
   * What publishing did.
   *
   * @param records        records acknowledged by the broker
   * @param firstAppendMs  broker timestamp of the first record (log-append time on the bench's topics)
   * @param lastAppendMs   broker timestamp of the last record
   */
  record Published(long records, long firstAppendMs, long lastAppendMs) {}

  private final String bootstrapServers;
  private final String registryUrl;

  InputPublisher(String bootstrapServers, String registryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
  }

  /** Serializes {@code calls} for the topics in {@code names}; registers the schemas as producers do. */
  PreparedInput prepare(TopicNames names, List<SyntheticCall> calls, long seed) {
    return prepare(names, calls, seed, Pace.FAST);
  }

  /** As {@link #prepare(TopicNames, List, long)}, with call starts spread as {@code pace} needs. */
  PreparedInput prepare(TopicNames names, List<SyntheticCall> calls, long seed, Pace pace) {
    Random random = new Random(seed);
    int index = 0;
    List<PreparedInput.Record> records = new ArrayList<>();
    long bytes = 0;
    try (var serde = new SpecificAvroSerde<SpecificRecord>()) {
      serde.configure(Map.of("schema.registry.url", registryUrl), false);
      for (SyntheticCall call : calls) {
        long offset = startOffsetMs(pace, index++, calls.size(), random);
        for (SyntheticCall.TimedRecord timed : call.records()) {
          SpecificRecord value = (SpecificRecord) timed.value();
          String topic = topicOf(names, value);
          byte[] serialized = serde.serializer().serialize(topic, value);
          boolean endsCall = value instanceof CallEvent event && event.getType() == CallEventType.CALL_ENDED;
          records.add(new PreparedInput.Record(offset + timed.dueMs(), topic, call.callId(), serialized, endsCall));
          bytes += serialized.length + call.callId().getBytes(StandardCharsets.UTF_8).length;
        }
      }
    }
    records.sort(Comparator.comparingLong(PreparedInput.Record::dueMs)); // stable: per-call order kept
    return new PreparedInput(records, bytes);
  }

  /** When call {@code index} of {@code calls} starts, in ms from the start of publishing. */
  static long startOffsetMs(Pace pace, int index, int calls, Random random) {
    if (pace != Pace.REALTIME) {
      return random.nextInt(STAGGER_MS);
    }
    double slotMs = (double) REALTIME_RAMP_MS / Math.max(1, calls);
    return (long) ((index + random.nextDouble()) * slotMs);
  }

  /**
   * Publishes {@code input}, at its own pace or at once, and waits until the broker acknowledged
   * everything. {@code progress} receives the count of records sent so far.
   *
   * <p>At once ({@link Pace#FAST}), the CALL_ENDED events go last, after everything else is
   * acknowledged: the events are another topic, and with all input sent together the broker could
   * otherwise append a call's end (LogAppendTime) before its last audio frames, which the app then
   * rightly dead-letters as arriving after the call ended (939 frames in one 16-call run).
   */
  Published publish(PreparedInput input, Pace pace, LongConsumer progress) {
    AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    AtomicLong last = new AtomicLong(Long.MIN_VALUE);
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
      long start = System.nanoTime();
      long sent = 0;
      List<PreparedInput.Record> ends = new ArrayList<>();
      for (PreparedInput.Record record : input.records()) {
        if (pace == Pace.REALTIME) {
          waitUntil(start + TimeUnit.MILLISECONDS.toNanos(record.dueMs()));
        } else if (record.endsCall()) {
          ends.add(record);
          continue;
        }
        send(producer, record, acked, first, last, failure);
        if (++sent % 200 == 0) {
          progress.accept(sent);
        }
      }
      if (!ends.isEmpty()) {
        producer.flush();
        for (PreparedInput.Record record : ends) {
          send(producer, record, acked, first, last, failure);
          sent++;
        }
      }
      producer.flush();
      progress.accept(sent);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("publishing the benchmark input failed: " + failure.get().getMessage(),
          failure.get());
    }
    return new Published(acked.get(), first.get(), last.get());
  }

  private static void send(KafkaProducer<String, byte[]> producer, PreparedInput.Record record, AtomicLong acked,
                           AtomicLong first, AtomicLong last, AtomicReference<Exception> failure) {
    producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()), (metadata, e) -> {
      if (e != null) {
        failure.compareAndSet(null, e);
        return;
      }
      acked.incrementAndGet();
      first.accumulateAndGet(metadata.timestamp(), Math::min);
      last.accumulateAndGet(metadata.timestamp(), Math::max);
    });
  }

  private Map<String, Object> producerConfig() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024,
        ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
  }

  private static void waitUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while pacing the benchmark input", e);
      }
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
    throw new IllegalArgumentException("not an input record: " + record.getClass().getName());
  }
}
