package io.emostream.config;

import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the former spellings of settings ({@link EmostreamConfigDef#DEPRECATED}) into the keys
 * that replaced them, and says so with a WARN that names the new key (once per parse; the
 * application parses its settings once).
 */
final class DeprecatedKeys {

  private static final Logger LOG = LoggerFactory.getLogger(DeprecatedKeys.class);

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
        LOG.warn("{} is deprecated and ignored because {} is set", old, current);
        return;
      }
      LOG.warn("{} is deprecated; use {} (durations such as 100ms, 5s, 2m; a plain number is milliseconds)",
          old, current);
      out.put(current, value);
    });
    return out;
  }
}
