package io.emostream.schemas.registry;

/**
 * Base of every failure talking to a schema registry. Unchecked, so that serializers (whose
 * Kafka interfaces declare no checked exceptions) can let it through unchanged.
 *
 * <p>Subclasses tell apart the cases a caller reacts to differently: a bad record or contract
 * (incompatible, unknown id, unknown subject) versus an infrastructure problem (unreachable,
 * unauthorized) that is nobody's record's fault and must not send records to a dead-letter topic.
 */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** HTTP status of the registry's answer, or -1 when there was no answer. */
  private final int httpStatus;
  /** The registry's {@code error_code} (e.g. 40401), or -1 when it gave none. */
  private final int errorCode;

  public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, int httpStatus, int errorCode) {
    this(message, httpStatus, errorCode, null);
  }

  /** HTTP status of the registry's answer, or -1 when the registry never answered. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent-style error code (40401, 40901, ...), or -1 when the registry gave none. */
  public int errorCode() {
    return errorCode;
  }
}
