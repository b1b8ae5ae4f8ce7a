package io.emostream.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration the benchmark measures.
 *
 * @param name          short id used in tables, JSON and topic names
 * @param description   what it shows, for the report
 * @param raw           a baseline (the plain consumer or the Kafka Streams floor) rather than the app
 * @param streamThreads Kafka Streams threads ({@code num.stream.threads}); 0 for the baseline
 * @param maxBatch      most utterances per model call ({@code inference.max-batch}); 0 for the baseline
 * @param settings      app settings that make this scenario, over the run's common settings
 */
public record Scenario(String name, String description, boolean raw, int streamThreads, int maxBatch,
                       Map<String, String> settings) {

  public Scenario {
    settings = Map.copyOf(settings);
  }

  /** Names of the raw-consumer baseline and of the Kafka Streams floor, without and with a store write. */
  static final String RAW = "raw-consumer";
  static final String FLOOR = "streams-floor";
  static final String FLOOR_STORE = "streams-floor-store";

  /** A plain consumer reading the input topics: what the broker alone delivers. */
  public static Scenario rawConsumer() {
    return new Scenario(RAW, "plain consumer reading the 3 input topics as bytes", true, 0, 0, Map.of());
  }

  /**
   * Kafka Streams alone with emostream's settings (exactly-once, one thread), counting the input
   * records as bytes, or also putting each into one cached, changelogged store: the per-record
   * floor under any exactly-once Kafka Streams app on this machine (see {@link StreamsFloor}).
   */
  public static Scenario streamsFloor(boolean withStore) {
    return withStore
        ? new Scenario(FLOOR_STORE, "Kafka Streams, exactly-once, each input record put into one cached "
            + "changelogged store, nothing else", true, 1, 0, Map.of())
        : new Scenario(FLOOR, "Kafka Streams, exactly-once, counting the input records, nothing else", true, 1, 0,
            Map.of());
  }

  /**
   * The app as configured for production: the scorer hands each utterance to the JVM's shared
   * batcher without waiting, which cuts model batches of up to 32 (or after 20 ms) from every
   * task and thread.
   */
  public static Scenario batching(int threads) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("num.stream.threads", String.valueOf(threads));
    s.put("inference.max-batch", "32");
    s.put("inference.max-delay", "20ms");
    return new Scenario("batching-" + threads + "t", "async scorer + shared dynamic batcher (max 32 / 20 ms), "
        + threads + " stream thread" + (threads == 1 ? "" : "s"), false, threads, 32, s);
  }

  /** One model call per utterance, the pattern of the usual Kafka Streams ML examples. */
  public static Scenario perRecord(int threads) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("num.stream.threads", String.valueOf(threads));
    s.put("inference.max-batch", "1");
    s.put("inference.max-delay", "0ms");
    return new Scenario("per-record-" + threads + "t", "one model call per utterance, "
        + threads + " stream thread" + (threads == 1 ? "" : "s"), false, threads, 1, s);
  }
}
