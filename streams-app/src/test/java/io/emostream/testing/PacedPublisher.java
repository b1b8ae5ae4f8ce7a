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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes several scripted calls concurrently over a given wall-clock span, the way a
 * telephony platform streams live calls: step {@code i} sends the {@code i}-th record of every
 * call, then waits for its slot in the span. Runs on its own thread so a test can inject faults
 * while calls are in flight.
 *
 * <p>The producer is idempotent with {@code acks=all} and generous timeouts, so it rides out a
 * broker restart without losing or duplicating input, as a well-configured real producer would.
 */
public final class PacedPublisher implements AutoCloseable {

  private final List<List<SpecificRecord>> perCall = new ArrayList<>();
  private final TopicNames names;
  private final String bootstrap;
  private final String registryUrl;
  private final Duration span;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger acked = new AtomicInteger();
  private final List<Exception> errors = new CopyOnWriteArrayList<>();
  private final int total;
  private final Thread thread;
  private volatile boolean stopping;

  /**
   * @param calls the calls to publish, interleaved
   * @param span  how long publishing takes; {@link Duration#ZERO} publishes as fast as possible
   */
  public PacedPublisher(TopicNames names, String bootstrap, String registryUrl, List<ScriptedCall> calls,
                        Duration span) {
    this.names = names;
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
    this.span = span;
    calls.forEach(c -> perCall.add(c.records()));
    this.total = perCall.stream().mapToInt(List::size).sum();
    this.thread = new Thread(this::publishAll, "paced-publisher");
    this.thread.setDaemon(true);
  }

  /** Starts publishing on the publisher's thread; returns at once. */
  public PacedPublisher start() {
    thread.start();
    return this;
  }

  /** Share of all records sent so far, 0..1. */
  public double progress() {
    return (double) sent.get() / total;
  }

  /** Whether every record was sent and acknowledged by the broker. */
  public boolean done() {
    return acked.get() == total;
  }

  public int total() {
    return total;
  }

  /** Send failures so far (a correct run has none). */
  public List<Exception> errors() {
    return List.copyOf(errors);
  }

  private void publishAll() {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000);
    try (var serde = new SpecificAvroSerde<SpecificRecord>();
         var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      serde.configure(Map.of("schema.registry.url", registryUrl), false);
      int steps = perCall.stream().mapToInt(List::size).max().orElse(0);
      long stepNanos = steps == 0 ? 0 : span.toNanos() / steps;
      long started = System.nanoTime();
      for (int i = 0; i < steps && !stopping; i++) {
        for (List<SpecificRecord> records : perCall) {
          if (i < records.size()) {
            send(producer, serde, records.get(i));
          }
        }
        long wait = started + (i + 1) * stepNanos - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait); // pacing the producer, not waiting for a condition
        }
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      errors.add(e);
    }
  }

  private void send(KafkaProducer<String, byte[]> producer, SpecificAvroSerde<SpecificRecord> serde,
                    SpecificRecord record) {
    String topic = topicOf(record);
    String key = String.valueOf(record.get(record.getSchema().getField("callId").pos()));
    producer.send(new ProducerRecord<>(topic, key, serde.serializer().serialize(topic, record)), (meta, e) -> {
      if (e != null) {
        errors.add(e);
      } else {
        acked.incrementAndGet();
      }
    });
    sent.incrementAndGet();
  }

  private String topicOf(SpecificRecord record) {
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

  /** Stops early (if still publishing) and waits for the thread. */
  @Override
  public void close() {
    stopping = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
