package io.emostream.schemas.registry;

/** The subject exists but not the requested version (HTTP 404, error code 40402). */
public class VersionNotFoundException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public VersionNotFoundException(String message, int httpStatus, int errorCode) {
    super(message, httpStatus, errorCode);
  }
}
