package io.emostream.schemas.registry;

/** No schema with the given id exists, or the schema is not registered under the subject (HTTP 404, error code 40403). */
public class SchemaNotFoundException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public SchemaNotFoundException(String message, int httpStatus, int errorCode) {
    super(message, httpStatus, errorCode);
  }
}
