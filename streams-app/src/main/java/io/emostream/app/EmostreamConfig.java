package io.emostream.app;

import io.emostream.config.ConfigException;
import io.emostream.config.EmostreamConfigDef;
import io.emostream.config.EmostreamSettings;
import io.emostream.config.ModelKeys;
import io.emostream.config.Secrets;
import io.emostream.config.TopicKeys;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The application's settings, merged from (lowest to highest precedence) built-in defaults,
 * a properties file, {@code EMOSTREAM_*} environment variables and command-line overrides.
 *
 * <p>Keys are emostream's own ({@code topics.*}, {@code model.*}, {@code inference.*},
 * {@code assembly.*}, {@code output.*}, {@code rollups.*}, {@code alerts.*},
 * {@code summaries.*}, {@code serving.*}; declared in {@link EmostreamConfigDef} and read
 * through {@link #settings()}), schema-registry client keys (Confluent's names), and anything
 * else, which is passed to Kafka Streams and its clients as is — so SASL, TLS and every Streams
 * setting work the way Kafka users expect.
 *
 * <p>An environment variable maps to a key by dropping {@code EMOSTREAM_}, lower-casing,
 * reading {@code __} as {@code -} and {@code _} as {@code .}:
 * {@code EMOSTREAM_SCHEMA_REGISTRY_URL} is {@code schema.registry.url},
 * {@code EMOSTREAM_INFERENCE_MAX__BATCH} is {@code inference.max-batch}.
 *
 * <p>Immutable.
 */
public final class EmostreamConfig {

  /** Environment variables with this prefix are config. */
  public static final String ENV_PREFIX = "EMOSTREAM_";

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String APPLICATION_ID = "application.id";
  public static final String REGISTRY_URL = "schema.registry.url";
  public static final String SERDE_CLASS = TopicKeys.SERDE_CLASS_CONFIG;
  public static final String MODEL_LOCATION = ModelKeys.LOCATION_CONFIG;
  public static final String MODEL_DEVICE = ModelKeys.DEVICE_CONFIG;
  public static final String MODEL_THREADS = ModelKeys.THREADS_CONFIG;
  public static final String TOPICS_CREATE = TopicKeys.CREATE_CONFIG;
  public static final String TOPICS_PARTITIONS = TopicKeys.PARTITIONS_CONFIG;
  public static final String TOPICS_REPLICATION = TopicKeys.REPLICATION_CONFIG;

  /** The model bundled in the jar: trained on synthetic speech, for demos and trials. */
  public static final String BUNDLED_MODEL = ModelKeys.LOCATION_DEFAULT;

  private static final List<String> REGISTRY_PREFIXES = List.of("schema.registry.", "basic.auth.",
      "bearer.auth.", "auto.register.schemas", "use.latest.version", "key.subject.name.strategy",
      "value.subject.name.strategy", "specific.avro.", "latest.cache.ttl.sec");

  /** Defaults of Kafka keys that emostream sets differently; its own keys' defaults are declared with them. */
  private static final Map<String, String> DEFAULTS = Map.of(APPLICATION_ID, "emostream");

  private final Map<String, String> values;
  /** {@link #settings()}, parsed on first use (once, so deprecation warnings are logged once). */
  private volatile EmostreamSettings settings;

  private EmostreamConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Defaults overridden by {@code settings}. */
  public static EmostreamConfig of(Map<String, String> settings) {
    Map<String, String> merged = new TreeMap<>(DEFAULTS);
    settings.forEach((k, v) -> merged.put(k.trim(), v.trim()));
    return new EmostreamConfig(merged);
  }

  /**
   * Merges the layers in precedence order.
   *
   * @param file      a properties file, or null
   * @param env       the process environment (only {@code EMOSTREAM_*} entries are read)
   * @param overrides command-line {@code key=value} settings
   */
  public static EmostreamConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>();
    if (file != null) {
      merged.putAll(readFile(file));
    }
    merged.putAll(fromEnvironment(env));
    merged.putAll(overrides);
    return of(merged);
  }

  /** The config keys the {@code EMOSTREAM_*} variables of {@code env} stand for. */
  static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> out = new TreeMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT)
            .replace("__", "\u0000").replace('_', '.').replace('\u0000', '-');
        out.put(key, value);
      }
    });
    return out;
  }

  private static Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file.toAbsolutePath() + " does not exist or is not a file");
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    Map<String, String> out = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
    return out;
  }

  /**
   * emostream's own settings, typed and validated.
   *
   * @throws ConfigException naming an unknown key (and the closest valid one) or an invalid value
   */
  public EmostreamSettings settings() {
    EmostreamSettings parsed = settings;
    if (parsed == null) {
      parsed = EmostreamSettings.of(values);
      settings = parsed;
    }
    return parsed;
  }

  /** Every setting given (with the defaults of {@code application.id}); read-only. */
  public Map<String, String> asMap() {
    return values;
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  /** The value of a key that must be set; the error names it and how to set it. */
  public String required(String key) {
    return get(key).orElseThrow(() -> new ConfigException(key + " is not set: add it to the config file, pass --set "
        + key + "=..., or set " + envName(key)));
  }

  public int intValue(String key) {
    String raw = required(key);
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new ConfigException(key + "=" + raw + " is not a whole number");
    }
  }

  public boolean booleanValue(String key) {
    String raw = required(key).toLowerCase(Locale.ROOT);
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new ConfigException(key + "=" + raw + " must be true or false");
    }
    return Boolean.parseBoolean(raw);
  }

  /** This config with {@code key} set to {@code value}. */
  public EmostreamConfig with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new EmostreamConfig(copy);
  }

  /** Settings for Kafka Streams and its clients: everything that is not emostream's own or the registry's. */
  public Properties streamsProperties() {
    Properties props = new Properties();
    values.forEach((k, v) -> {
      if (!ownKey(k) && !registryKey(k)) {
        props.put(k, v);
      }
    });
    return props;
  }

  /** Settings for the serdes' schema-registry client (registry keys and the client's security settings). */
  public Map<String, Object> registryConfig() {
    Map<String, Object> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (registryKey(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The settings as the start-up banner prints them: secrets replaced by {@code ****}. */
  public Map<String, String> masked() {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, Secrets.mask(k, v)));
    return out;
  }

  /** The environment variable that sets {@code key}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace("-", "__").replace('.', '_');
  }

  private static boolean ownKey(String key) {
    return EmostreamConfigDef.isOwn(key);
  }

  private static boolean registryKey(String key) {
    return REGISTRY_PREFIXES.stream().anyMatch(key::startsWith);
  }

  @Override
  public String toString() {
    return masked().toString();
  }
}
