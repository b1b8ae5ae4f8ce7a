package io.emostream.reliability;

import io.emostream.embedded.EmbeddedKafka;
import io.emostream.embedded.FreePorts;
import io.emostream.testing.ChildInstance;
import io.emostream.testing.RandomModelBundle;
import io.emostream.topics.TopicNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fault tests share: a unique prefix and application id per test, the settings every
 * instance of that test runs with, a random-weight model bundle written once per JVM, and
 * {@code target/} folders for state and logs (kept after the run for post-mortems).
 */
final class FaultTestSetup {

  /** Child JVMs stay small and use one GC thread: two cores are shared by everything. */
  static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx640m", "-XX:+UseSerialGC");

  private static Path bundle;

  final String prefix;
  final TopicNames names;
  private final EmbeddedKafka kafka;
  private final String registryUrl;

  FaultTestSetup(String testName, EmbeddedKafka kafka, String registryUrl) {
    this.prefix = testName + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    this.kafka = kafka;
    this.registryUrl = registryUrl;
    this.names = TopicNames.from(Map.of("topics.prefix", prefix));
  }

  static Path target() {
    return Path.of(System.getProperty("basedir", "."), "target");
  }

  /** The random-weight bundle, written on first use under {@code target/reliability/}. */
  static synchronized Path modelBundle() {
    if (bundle == null) {
      bundle = RandomModelBundle.write(target().resolve("reliability").resolve("model-" + UUID.randomUUID()));
    }
    return bundle;
  }

  /**
   * Settings of one instance of this test: shared application id and topics, its own state dir.
   * Transcript timeouts are long so that no audio-only (VAD) utterances appear while an
   * instance is down: the tests count transcripts exactly. Session timeouts are short so a
   * killed member leaves the group in seconds, not the default 45 s.
   */
  Map<String, String> settings(String instance) {
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", kafka.bootstrapServers());
    s.put("schema.registry.url", registryUrl);
    s.put("application.id", prefix + "app");
    s.put("topics.prefix", prefix);
    s.put("topics.create", "true");
    s.put("topics.partitions", "4");
    s.put("state.dir", target().resolve("reliability").resolve(prefix + instance).toString());
    s.put("commit.interval.ms", "200");
    s.put("session.timeout.ms", "6000");
    s.put("heartbeat.interval.ms", "1500");
    s.put("assembly.transcript-timeout", "10m");
    // in-process apps need no HTTP server; 0 keeps them off a fixed port all the same
    s.put("serving.port", "0");
    return s;
  }

  /** A child JVM running this test's app with the random-weight bundle on one intra-op thread. */
  ChildInstance child(String instance) {
    return child(instance, FreePorts.next());
  }

  /** As {@link #child(String)}, serving its REST API on {@code servingPort} of 127.0.0.1. */
  ChildInstance child(String instance, int servingPort) {
    return child(instance, servingPort, Map.of());
  }

  /** As {@link #child(String, int)}, with {@code extra} settings over this test's own. */
  ChildInstance child(String instance, int servingPort, Map<String, String> extra) {
    Map<String, String> s = settings(instance);
    s.putAll(extra);
    s.put("model.location", modelBundle().toString());
    s.put("model.threads", "1");
    s.put("serving.port", String.valueOf(servingPort));
    return new ChildInstance(instance, s, target().resolve("reliability-logs").resolve(prefix), CHILD_JVM_OPTIONS);
  }
}
