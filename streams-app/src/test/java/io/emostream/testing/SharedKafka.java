package io.emostream.testing;

import io.emostream.embedded.EmbeddedKafka;

/**
 * One embedded broker per test JVM, started on first use and stopped when the JVM exits, so
 * integration test classes share it instead of paying a start-up each. Tests isolate
 * themselves by using their own topic names and application ids.
 */
public final class SharedKafka {

  private static EmbeddedKafka kafka;

  private SharedKafka() {}

  /** The shared broker, started if this is the first call. */
  public static synchronized EmbeddedKafka get() {
    if (kafka == null) {
      EmbeddedKafka started = EmbeddedKafka.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-shutdown"));
      kafka = started;
    }
    return kafka;
  }
}
