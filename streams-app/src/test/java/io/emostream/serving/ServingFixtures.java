package io.emostream.serving;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.emostream.alerts.AlertState;
import io.emostream.alerts.AlertTopology;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.CallContext;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.EmotionProbabilities;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.ScoringTimings;
import io.emostream.avro.SpeakerRole;
import io.emostream.rollups.CallRollupState;
import io.emostream.rollups.CallRollupTopology;
import io.emostream.rollups.GroupAggregate;
import io.emostream.rollups.GroupWindowTopology;
import io.emostream.common.JsonSerde;
import io.emostream.timeline.CallTimeline;
import io.emostream.timeline.TimelineTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/** Real state stores (in a {@link TopologyTestDriver}), scored utterances and HTTP plumbing for the serving tests. */
final class ServingFixtures {

  private ServingFixtures() {}

  /** A driver holding the four stores the API reads, with the production names and serdes. */
  static TopologyTestDriver storesDriver() {
    Topology topology = new Topology();
    topology.addSource("src", Serdes.String().deserializer(), Serdes.String().deserializer(), "unused");
    topology.addProcessor("holder", () -> new Processor<Object, Object, Void, Void>() {
      @Override
      public void process(Record<Object, Object> record) {
        // only holds the stores
      }
    }, "src");
    kv(topology, TimelineTopology.STORE, CallTimeline.class);
    kv(topology, CallRollupTopology.STORE, CallRollupState.class);
    kv(topology, AlertTopology.STORE, AlertState.class);
    topology.addStateStore(Stores.windowStoreBuilder(
        Stores.inMemoryWindowStore(GroupWindowTopology.AGENT_STORE, Duration.ofMinutes(6), Duration.ofMinutes(5), false),
        Serdes.String(), new JsonSerde<>(GroupAggregate.class)), "holder");
    return new TopologyTestDriver(topology);
  }

  private static <V> void kv(Topology topology, String name, Class<V> type) {
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
        new JsonSerde<>(type)), "holder");
  }

  static StoreSource source(TopologyTestDriver driver) {
    return new StoreSource() {
      @Override
      public <V> ReadOnlyKeyValueStore<String, V> keyValue(String name) {
        KeyValueStore<String, V> store = driver.getKeyValueStore(name);
        return store;
      }

      @Override
      public <V> ReadOnlyWindowStore<String, V> window(String name) {
        WindowStore<String, V> store = driver.getWindowStore(name);
        return store;
      }
    };
  }

  static ScoredUtterance scored(String callId, String id, SpeakerRole role, EmotionLabel label, double valence,
      long startMs) {
    return ScoredUtterance.newBuilder()
        .setCallId(callId).setUtteranceId(id).setChannel(role == SpeakerRole.AGENT ? 0 : 1).setRole(role)
        .setStartMs(startMs).setEndMs(startMs + 1500).setLabel(label)
        .setProbabilities(new EmotionProbabilities(0.1, 0.1, 0.7, 0.1))
        .setValence(valence).setArousal(0.4).setConfidence(0.7).setModalities(List.of())
        .setAudioCoverage(AudioCoverage.COMPLETE).setModelName("m").setModelVersion("1")
        .setText("text of " + id)
        .setContext(new CallContext("acme", "agent-7", "billing"))
        .setTimings(new ScoringTimings(Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(1_100),
            Instant.ofEpochMilli(1_250), 20.0, 5.0, 2))
        .build();
  }

  /** An HTTP server on a free port of 127.0.0.1 serving {@code handlers} by path. */
  static HttpServer serve(Map<String, HttpHandler> handlers) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      handlers.forEach(server::createContext);
      // event streams hold their thread while connected
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<String> get(HttpServer server, String pathAndQuery, String... headers) {
    return get("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery, headers);
  }

  static HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
