package io.emostream.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Settings for an app instance on the shared test broker and registry, isolated by a topic prefix. */
public final class AppSettings {

  private AppSettings() {}

  /**
   * Two-partition topics under {@code prefix}, created by the app, state in {@code stateDir}, a free
   * serving port, one model thread. A mutable map, so a test can add its own keys.
   */
  public static Map<String, String> isolated(String prefix, Path stateDir) {
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", SharedKafka.get().bootstrapServers());
    s.put("schema.registry.url", SharedDevRegistry.url());
    s.put("application.id", prefix + "app");
    s.put("topics.prefix", prefix);
    s.put("topics.create", "true");
    s.put("topics.partitions", "2");
    s.put("state.dir", stateDir.toString());
    s.put("serving.port", "0");
    s.put("model.threads", "1");
    return s;
  }
}
