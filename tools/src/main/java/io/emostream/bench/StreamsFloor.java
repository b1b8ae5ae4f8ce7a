package io.emostream.bench;

import io.emostream.app.EmostreamConfig;
import io.emostream.app.StreamsSettings;
import io.emostream.topics.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka Streams itself delivers here, before any of emostream's work: an app with emostream's
 * own Kafka Streams settings (exactly-once v2, one stream thread, the run's {@code --set}
 * overrides) reads the already published input topics as raw bytes and only counts them, or also
 * puts each record into one cached, changelogged store under its key (the least a stateful
 * exactly-once app does per record: the call state the assembler keeps). The pipeline's input
 * records/s over this says how much of the per-record cost is emostream's, and this over the raw
 * consumer how much is Kafka Streams' own.
 */
final class StreamsFloor {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsFloor.class);
  private static final String STORE = "floor-store";
  /** Start-up plus one pass of the input; a floor still short of it then reports what it processed. */
  private static final Duration DEADLINE = Duration.ofSeconds(240);

  private StreamsFloor() {}

  /**
   * Processes the {@code expected} records of {@code names}' inputs once; the window runs from the
   * first record processed to the last (start-up and the final commit are left out, as the raw
   * consumer leaves out its connection).
   */
  static Run run(BenchEnvironment env, BenchSettings settings, TopicNames names, String prefix, long expected,
                 boolean withStore, Progress progress) {
    Counter counter = new Counter();
    StreamsBuilder builder = new StreamsBuilder();
    if (withStore) {
      builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
          Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());
    }
    builder.stream(names.inputs(), Consumed.with(Serdes.Bytes(), Serdes.ByteArray()))
        .process(() -> new Counting(counter, withStore), withStore ? new String[] {STORE} : new String[0]);
    Map<String, String> app = new HashMap<>(settings.appSettings());
    app.put(EmostreamConfig.BOOTSTRAP_SERVERS, env.bootstrapServers());
    app.put(EmostreamConfig.APPLICATION_ID, prefix + "floor");
    app.put("state.dir", env.workDir().resolve("state-" + prefix).toString());
    app.put("num.stream.threads", "1");
    var props = StreamsSettings.from(EmostreamConfig.of(app), names.deadLetters());
    // sampled while the app is up: a stream thread's CPU time is gone once the app is closed
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
         ResourceSampler sampler = ResourceSampler.start()) {
      streams.start();
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (counter.records.get() < expected && System.nanoTime() < deadline) {
        if (streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException("the Kafka Streams floor app failed; see the log for why");
        }
        progress.update(counter.records.get() + "/" + expected + " records processed");
        sleep();
      }
      ResourceSampler.Usage usage = sampler.stop();
      if (counter.records.get() < expected) {
        LOG.warn("The Kafka Streams floor processed {} of {} records before its deadline; its figures cover "
            + "those only", counter.records.get(), expected);
      }
      return new Run(new RawConsumerBaseline.Reading(counter.records.get(), counter.bytes.get(),
          Math.max(1e-3, (counter.lastNanos - counter.firstNanos) / 1e9)), usage);
    }
  }

  /** What one pass read, and the process's CPU and memory from the app's start to its last record. */
  record Run(RawConsumerBaseline.Reading reading, ResourceSampler.Usage usage) {}

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the Kafka Streams floor ran", e);
    }
  }

  /** Where the stream thread counts; read by the bench's thread. */
  private static final class Counter {
    final AtomicLong records = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    volatile long firstNanos;
    volatile long lastNanos;
  }

  private static final class Counting implements Processor<Bytes, byte[], Void, Void> {
    private final Counter counter;
    private final boolean withStore;
    private KeyValueStore<Bytes, byte[]> store;

    Counting(Counter counter, boolean withStore) {
      this.counter = counter;
      this.withStore = withStore;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      if (withStore) {
        store = context.getStateStore(STORE);
      }
    }

    @Override
    public void process(Record<Bytes, byte[]> record) {
      long now = System.nanoTime();
      if (counter.records.get() == 0) {
        counter.firstNanos = now;
      }
      if (store != null && record.key() != null) {
        store.put(record.key(), record.value());
      }
      counter.bytes.addAndGet((record.key() == null ? 0 : record.key().get().length)
          + (record.value() == null ? 0 : record.value().length));
      counter.lastNanos = now;
      counter.records.incrementAndGet();
    }
  }
}
