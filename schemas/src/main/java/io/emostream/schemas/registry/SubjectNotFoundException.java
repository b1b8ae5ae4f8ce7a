package io.emostream.schemas.registry;

/** The subject has no versions in the registry (HTTP 404, error code 40401). */
public class SubjectNotFoundException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public SubjectNotFoundException(String message, int httpStatus, int errorCode) {
    super(message, httpStatus, errorCode);
  }
}
