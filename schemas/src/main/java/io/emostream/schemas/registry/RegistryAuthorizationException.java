package io.emostream.schemas.registry;

/** The registry refused the credentials (HTTP 401) or the principal lacks permission (HTTP 403). */
public class RegistryAuthorizationException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public RegistryAuthorizationException(String message, int httpStatus, int errorCode) {
    super(message, httpStatus, errorCode);
  }
}
