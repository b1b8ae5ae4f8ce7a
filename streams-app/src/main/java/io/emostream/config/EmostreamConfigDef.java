package io.emostream.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Every emostream setting, declared once: type, default, validator and documentation, in the
 * order the configuration listing and the README print them.
 *
 * <p>emostream owns the keys under {@link #OWN_PREFIXES}; a key there that is not declared (nor a
 * deprecated spelling, nor an alert override) is a typo and fails start-up. Every other key
 * belongs to Kafka Streams, its clients or the schema-registry client and passes through.
 * Durations are strings in {@link Durations}' syntax, read with
 * {@link EmostreamSettings#getDuration(String)}.
 */
public final class EmostreamConfigDef {

  /** Prefixes of the keys emostream owns. */
  public static final List<String> OWN_PREFIXES = List.of("topics.", "model.", "inference.", "assembly.",
      "output.", "rollups.", "alerts.", "summaries.", "serving.", "serde.", "demo.");

  /** The declarations. */
  public static final ConfigDef CONFIG_DEF = define();

  /** Former spellings, mapped to the key that replaced them; each reads in the new key's unit. */
  public static final Map<String, String> DEPRECATED = deprecated();

  private EmostreamConfigDef() {}

  private static ConfigDef define() {
    ConfigDef def = new ConfigDef();
    ModelKeys.define(def);
    InferenceKeys.define(def);
    TopicKeys.define(def);
    AssemblyKeys.define(def);
    RollupKeys.define(def);
    AlertKeys.define(def);
    SummaryKeys.define(def);
    return ServingKeys.define(def);
  }

  private static Map<String, String> deprecated() {
    Map<String, String> all = new TreeMap<>(InferenceKeys.DEPRECATED);
    all.putAll(ServingKeys.DEPRECATED);
    return Map.copyOf(all);
  }

  /** True for a key under one of emostream's own prefixes. */
  public static boolean isOwn(String key) {
    return OWN_PREFIXES.stream().anyMatch(key::startsWith);
  }

  /** Declares a duration: a string in {@link Durations}' syntax within [{@code min}, {@code max}]. */
  static ConfigDef duration(ConfigDef def, String key, String dflt, Duration min, Duration max,
                            Importance importance, String doc) {
    return def.define(key, Type.STRING, dflt, Validators.durationIn(min, max), importance, doc);
  }
}
