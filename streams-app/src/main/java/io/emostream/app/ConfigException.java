package io.emostream.app;

/** A setting is missing or invalid; the message names the key and says how to fix it. */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
