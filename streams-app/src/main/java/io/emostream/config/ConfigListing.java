package io.emostream.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Prints every declared setting with its documentation, default, allowed values and, for a
 * listing, its current value (secrets masked). The README's configuration table is
 * {@link #markdownTable()}, so the documentation cannot drift from the declarations.
 */
public final class ConfigListing {

  private ConfigListing() {}

  /** One entry per declared key: {@code key = current}, then what it allows, its default and its documentation. */
  public static List<String> lines(EmostreamSettings settings) {
    List<String> out = new ArrayList<>();
    for (ConfigKey key : keys()) {
      Object value = settings.values().get(key.name);
      String shown = value == null ? "(unset)" : Secrets.isSecret(key.name) || key.type == Type.PASSWORD
          ? Secrets.MASK : Secrets.mask(key.name, ConfigDef.convertToString(value, key.type));
      out.add(key.name + " = " + shown + (settings.isSet(key.name) ? "" : "  (default)"));
      out.add("    " + key.documentation);
      out.add("    default: " + defaultOf(key) + "; allowed: " + allowed(key));
    }
    return out;
  }

  /** The README's configuration table: key, default, allowed values, documentation. */
  public static String markdownTable() {
    StringBuilder out = new StringBuilder("| key | default | values | what it sets |\n|---|---|---|---|\n");
    for (ConfigKey key : keys()) {
      out.append("| `").append(key.name).append("` | ").append(cell(defaultOf(key))).append(" | ")
          .append(cell(allowed(key))).append(" | ").append(cell(key.documentation)).append(" |\n");
    }
    return out.toString();
  }

  private static List<ConfigKey> keys() {
    Map<String, ConfigKey> all = EmostreamConfigDef.CONFIG_DEF.configKeys();
    return List.copyOf(all.values());
  }

  private static String defaultOf(ConfigKey key) {
    if (key.defaultValue == null) {
      return "unset";
    }
    String text = ConfigDef.convertToString(key.defaultValue, key.type);
    return text.isEmpty() ? "empty" : text;
  }

  private static String allowed(ConfigKey key) {
    if (key.validator != null && !(key.validator instanceof ConfigDef.NonEmptyString)) {
      return key.validator.toString();
    }
    return switch (key.type) {
      case BOOLEAN -> "true or false";
      case INT, LONG, SHORT -> "a whole number";
      case DOUBLE -> "a number";
      case PASSWORD -> "a secret (printed masked)";
      default -> "text";
    };
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;");
  }
}
