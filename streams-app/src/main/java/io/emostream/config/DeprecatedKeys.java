package io.emostream.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the former spellings of settings ({@link EmostreamConfigDef#DEPRECATED}) into the keys
 * that replaced them, and says so once per JVM and key with a WARN that names the new key.
 */
final class DeprecatedKeys {

  private static final Logger LOG = LoggerFactory.getLogger(DeprecatedKeys.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private DeprecatedKeys() {}

  /** {@code settings} with each deprecated key moved to its replacement, unless that is set too. */
  static Map<String, String> translate(Map<String, String> settings) {
    Map<String, String> out = new TreeMap<>(settings);
    EmostreamConfigDef.DEPRECATED.forEach((old, current) -> {
      String value = out.remove(old);
      if (value == null) {
        return;
      }
      if (out.containsKey(current)) {
        warnOnce(old, "{} is deprecated and ignored because {} is set", old, current);
        return;
      }
      warnOnce(old, "{} is deprecated; use {} (durations such as 100ms, 5s, 2m; a plain number is milliseconds)",
          old, current);
      out.put(current, value);
    });
    return out;
  }

  private static void warnOnce(String key, String message, String old, String current) {
    if (WARNED.add(key)) {
      LOG.warn(message, old, current);
    }
  }
}
