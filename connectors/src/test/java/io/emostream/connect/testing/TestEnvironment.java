package io.emostream.connect.testing;

import io.emostream.embedded.DevRegistry;
import io.emostream.embedded.EmbeddedKafka;

/**
 * The real broker and schema registry the integration tests share, one of each per test JVM,
 * started on first use and stopped at exit (the broker by the hook added here, the registry by
 * its own). Tests isolate themselves with their own topic names.
 */
public final class TestEnvironment {
  private static EmbeddedKafka kafka;
  private static DevRegistry registry;

  private TestEnvironment() {}

  /** The shared broker. */
  public static synchronized EmbeddedKafka kafka() {
    if (kafka == null) {
      EmbeddedKafka started = EmbeddedKafka.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "it-kafka-shutdown"));
      kafka = started;
    }
    return kafka;
  }

  /** The shared registry's Confluent-compatible URL. */
  public static synchronized String registryUrl() {
    if (registry == null) {
      registry = DevRegistry.start();
    }
    return registry.url();
  }
}
