package io.emostream.serving;

import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.model.batching.BatchingConfig;
import io.emostream.model.batching.BatchingEmotionModel;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.testing.ScriptedCall;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import io.emostream.topics.TopicNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * The whole app for the serving ITs: the real embedded broker, dev registry and DJL runtime
 * (random weights, shared through the real batching model), the HTTP server on a free port
 * with a bearer token, and alert rules loose enough that the first utterance of each speaker
 * opens an alert (EWMA open threshold 0.01, no duration), so alerts appear whatever a random
 * network predicts.
 */
final class LiveApp implements AutoCloseable {

  static final String TOKEN = "it-secret";

  final EmostreamApp app;
  final TopicNames names;
  final ScriptedCall call;
  private final TopicIO io;

  private LiveApp(EmostreamApp app, TopicNames names, ScriptedCall call, TopicIO io) {
    this.app = app;
    this.names = names;
    this.call = call;
    this.io = io;
  }

  static LiveApp start(Path stateDir, String name) {
    String prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", SharedKafka.get().bootstrapServers());
    s.put("schema.registry.url", SharedDevRegistry.url());
    s.put("application.id", prefix + "app");
    s.put("topics.prefix", prefix);
    s.put("topics.create", "true");
    s.put("topics.partitions", "2");
    s.put("state.dir", stateDir.toString());
    s.put("commit.interval.ms", "200");
    s.put("serving.port", "0");
    s.put("serving.token", TOKEN);
    s.put("serving.sse.keep-alive", "1s");
    s.put("alerts.ewma-open-threshold", "0.01");
    s.put("alerts.ewma-resolve-threshold", "0.0");
    s.put("alerts.ewma-open-duration", "0ms");
    s.put("rollups.group-window.size", "1m");
    s.put("rollups.group-window.advance", "30s");
    EmostreamConfig config = EmostreamConfig.of(s);
    DjlEmotionModel model = DjlEmotionModel.createRandom(
        Manifests.crossModal("random-serving", "0", NetConfig.DEFAULT, 42), 42, DeviceSpec.CPU);
    EmostreamApp app = EmostreamApp.start(config, new BatchingEmotionModel(model, BatchingConfig.DEFAULT), true, null);
    ScriptedCall call = new ScriptedCall("call-" + UUID.randomUUID().toString().substring(0, 8))
        .say(0, 300, 2_300, "thank you for calling acme billing how can i help")
        .say(1, 2_600, 5_000, "i was charged twice this month and nobody answers")
        .say(0, 5_300, 7_000, "i am sorry let me look at your account")
        .say(1, 7_200, 9_800, "this is ridiculous i want my money back now");
    return new LiveApp(app, TopicNames.from(config.asMap()), call,
        new TopicIO(SharedKafka.get().bootstrapServers(), SharedDevRegistry.url()));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.servingPort().orElseThrow() + "/";
  }

  /** Publishes the call without its CALL_ENDED, so it stays active. */
  void publishCallKeepingItOpen() {
    List<SpecificRecord> records = call.records();
    io.publish(names, records.subList(0, records.size() - 1));
  }

  /** Publishes the call's CALL_ENDED. */
  void endCall() {
    List<SpecificRecord> records = call.records();
    io.publish(names, records.subList(records.size() - 1, records.size()));
  }

  @Override
  public void close() {
    app.close();
  }
}
