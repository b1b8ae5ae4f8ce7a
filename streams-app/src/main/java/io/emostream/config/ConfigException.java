package io.emostream.config;

/**
 * A setting is missing, unknown or invalid; the message names the key and says how to fix it.
 *
 * <p>An {@link IllegalArgumentException}, so code that validates its arguments and code that
 * validates settings fail the same way.
 */
public class ConfigException extends IllegalArgumentException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
