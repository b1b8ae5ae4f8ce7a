package io.emostream.config;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.types.Password;

/**
 * emostream's own settings, parsed and validated against {@link EmostreamConfigDef}: the typed
 * source every feature's config is a view over.
 *
 * <p>Built from the whole flat map of settings. Keys outside emostream's prefixes (Kafka, the
 * registry) are ignored here; deprecated spellings are read into their replacements with a
 * warning; unknown keys under emostream's prefixes and invalid values fail with a
 * {@link ConfigException} that names the key. Values may be strings (a properties file) or
 * their Java type ({@link Duration}s, numbers, booleans). Immutable.
 */
public final class EmostreamSettings extends AbstractConfig {

  private EmostreamSettings(Map<String, String> own) {
    super(EmostreamConfigDef.CONFIG_DEF, own, false);
  }

  /**
   * Parses the emostream keys of {@code settings}.
   *
   * @throws ConfigException naming the key of an unknown setting (with the closest valid key)
   *     or of an invalid value (with what is allowed)
   */
  public static EmostreamSettings of(Map<String, ?> settings) {
    Map<String, String> own = new TreeMap<>();
    settings.forEach((key, value) -> {
      if (value != null && EmostreamConfigDef.isOwn(key.trim())) {
        own.put(key.trim(), text(value));
      }
    });
    UnknownKeys.check(own.keySet(), EmostreamConfigDef.CONFIG_DEF.names());
    Map<String, String> current = DeprecatedKeys.translate(own);
    try {
      return new EmostreamSettings(current);
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** The built-in defaults alone. */
  public static EmostreamSettings defaults() {
    return of(Map.of());
  }

  private static String text(Object value) {
    if (value instanceof Duration d) {
      return d.toMillis() + "ms";
    }
    return value.toString().trim();
  }

  /** A duration setting; null when the key is optional and unset. */
  public Duration getDuration(String key) {
    String text = getString(key);
    return text == null ? null : Durations.parse(key, text);
  }

  /** A setting from a fixed set of words, as {@link Validators#normalise} spells it. */
  public String getChoice(String key) {
    return Validators.normalise(getString(key));
  }

  /** A secret's clear text, or null when unset. */
  public String getSecret(String key) {
    Password password = getPassword(key);
    return password == null ? null : password.value();
  }

  /** True when {@code key} was given (after deprecated spellings are read), not defaulted. */
  public boolean isSet(String key) {
    return originals().containsKey(key);
  }

  /** The given settings that belong to alert overrides ({@code alerts.tenant.*}, {@code alerts.queue.*}). */
  public Map<String, Object> alertOverrides() {
    Map<String, Object> out = new TreeMap<>();
    originals().forEach((key, value) -> {
      if (AlertKeys.isOverride(key)) {
        out.put(key, value);
      }
    });
    return out;
  }
}
