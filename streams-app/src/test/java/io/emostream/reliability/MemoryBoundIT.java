package io.emostream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.alerts.AlertTopology;
import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.rollups.CallRollupTopology;
import io.emostream.scoring.ScoringTopology;
import io.emostream.summaries.SummaryTopology;
import io.emostream.testing.CallTraffic;
import io.emostream.testing.PacedPublisher;
import io.emostream.testing.RandomModelBundle;
import io.emostream.testing.ScriptedCall;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent two-channel calls, as fast as they can be published: the per-call state
 * (buffered audio, pending transcripts, call bookkeeping, the scorer's batch, rollups, alert and
 * summary state) must drain back to empty once the calls end, and the heap after GC must stay
 * under a ceiling while they run. CI size by default; {@code -Demostream.heavy=true} runs
 * 200 calls of 20 lines.
 */
class MemoryBoundIT {

  private static final boolean HEAVY = Boolean.getBoolean("emostream.heavy");
  private static final long HEAP_CEILING_MB = HEAVY ? 1_536 : 1_024;
  private static final List<String> STORES = List.of("assembly-audio", "assembly-pending-transcripts",
      "assembly-calls", ScoringTopology.PENDING_STORE, CallRollupTopology.STORE, AlertTopology.STORE,
      SummaryTopology.STORE);

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldDrainPerCallStateAndKeepHeapBoundedUnderManyConcurrentCalls() {
    FaultTestSetup setup = new FaultTestSetup("memory", kafka, registry);
    List<ScriptedCall> calls = CallTraffic.calls(setup.prefix + "call-", HEAVY ? 200 : 40, HEAVY ? 20 : 4);
    int lines = CallTraffic.lineCount(calls);
    // ended calls leave a small marker in assembly-calls for the idle timeout (late records are
    // dead-lettered against it); a short timeout lets this test see the store drain completely
    EmostreamConfig config = EmostreamConfig.of(setup.settings("inproc")).with("assembly.call-idle-timeout", "15s");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long[] peakHeapMb = {0};

    try (EmostreamApp app = EmostreamApp.start(config, RandomModelBundle.create(), true, null)) {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
      long started = System.nanoTime();
      try (PacedPublisher publisher = new PacedPublisher(setup.names, kafka.bootstrapServers(), registry, calls,
          Duration.ZERO).start()) {
        TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);
        Awaitility.await("every call summarised").atMost(Duration.ofSeconds(HEAVY ? 900 : 120))
            .pollInterval(Duration.ofSeconds(3)).until(() -> {
              memory.gc();
              long heapMb = memory.getHeapMemoryUsage().getUsed() >> 20;
              peakHeapMb[0] = Math.max(peakHeapMb[0], heapMb);
              int summaries = io.countCommitted(setup.names.summaries(), Duration.ofMillis(400));
              System.out.printf("[memory] t=%3ds published %3.0f%% heap after GC %4d MB, summaries %d/%d, stores %s%n",
                  Duration.ofNanos(System.nanoTime() - started).toSeconds(), publisher.progress() * 100, heapMb,
                  summaries, calls.size(), storeSizes(app));
              return summaries >= calls.size();
            });
      }
      System.out.printf("[memory] %d calls, %d lines scored in %d s; peak heap after GC %d MB%n", calls.size(), lines,
          Duration.ofNanos(System.nanoTime() - started).toSeconds(), peakHeapMb[0]);
      // the scorer forwards CALL_ENDED after a call's last utterance, so every store drains
      Awaitility.await("per-call state drained").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(storeSizes(app)).allSatisfy((store, entries) ->
              assertThat(entries).as("entries in %s", store).isZero()));
      assertThat(peakHeapMb[0]).as("peak heap after GC, MB").isLessThan(HEAP_CEILING_MB);
    }
  }

  /** Entries of each per-call store, counted through interactive queries. */
  private static Map<String, Long> storeSizes(EmostreamApp app) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (String store : STORES) {
      var view = app.streams().store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
      long n = 0;
      try (var it = view.all()) {
        while (it.hasNext()) {
          it.next();
          n++;
        }
      }
      sizes.put(store, n);
    }
    return sizes;
  }
}
