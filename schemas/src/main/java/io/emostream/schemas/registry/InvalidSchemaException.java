package io.emostream.schemas.registry;

/** The registry could not parse or accept the schema text (HTTP 422, error code 42201). */
public class InvalidSchemaException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public InvalidSchemaException(String message, int httpStatus, int errorCode) {
    super(message, httpStatus, errorCode);
  }
}
