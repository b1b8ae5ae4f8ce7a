package io.emostream.schemas.registry;

/**
 * No configured registry URL answered within the retry budget (connection refused, timeout,
 * TLS failure or repeated 5xx). Transient by nature: callers should fail or retry, never treat
 * the record being processed as bad.
 */
public class RegistryUnreachableException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public RegistryUnreachableException(String message, int httpStatus, Throwable cause) {
    super(message, httpStatus, -1, cause);
  }
}
