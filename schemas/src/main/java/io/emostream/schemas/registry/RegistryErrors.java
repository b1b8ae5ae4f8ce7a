package io.emostream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Maps a registry's 4xx answer to the matching {@link SchemaRegistryException} subclass. Reads
 * the Confluent error body ({@code {"error_code": 40401, "message": "..."}}), which Apicurio's
 * ccompat API, Karapace and Redpanda also send; falls back to the HTTP status and to what the
 * request was about when a registry sends another body.
 */
final class RegistryErrors {
  /** What a bare 404 (no Confluent error code) means for the request that got it. */
  enum NotFound { SUBJECT, VERSION, SCHEMA }

  static final int SUBJECT_NOT_FOUND = 40401;
  static final int VERSION_NOT_FOUND = 40402;
  static final int SCHEMA_NOT_FOUND = 40403;

  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryErrors() {}

  /**
   * @param what the request in words, e.g. "registering io.x.Y under subject 'a-value'"
   * @param notFound how to read a 404 that carries no known error code
   */
  static SchemaRegistryException map(int status, String body, String what, String url,
      NotFound notFound) {
    int code = -1;
    String reason = body == null || body.isBlank() ? "(no message)" : body.strip();
    try {
      JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
      if (node != null && node.isObject()) {
        code = node.path("error_code").asInt(-1);
        if (node.hasNonNull("message")) {
          reason = node.get("message").asText();
        }
      }
    } catch (java.io.IOException notJson) {
      // keep the raw body as the reason: an HTML error page from a proxy still helps
    }
    String msg = "Schema registry " + url + " refused " + what + ": HTTP " + status
        + (code > 0 ? " error_code " + code : "") + ": " + reason;
    if (status == 401 || status == 403) {
      return new RegistryAuthorizationException(msg + ". Check basic.auth.* / bearer.auth.* "
          + "credentials and the principal's permissions.", status, code);
    }
    if (status == 409) {
      return new IncompatibleSchemaException(msg + ". Make the change BACKWARD compatible "
          + "(new fields need defaults) or register it under a new subject.", status, code);
    }
    if (status == 422 || code == 42201) {
      return new InvalidSchemaException(msg, status, code);
    }
    if (status == 404) {
      NotFound kind = switch (code) {
        case SUBJECT_NOT_FOUND -> NotFound.SUBJECT;
        case VERSION_NOT_FOUND -> NotFound.VERSION;
        case SCHEMA_NOT_FOUND -> NotFound.SCHEMA;
        default -> notFound;
      };
      return switch (kind) {
        case SUBJECT -> new SubjectNotFoundException(msg, status, code);
        case VERSION -> new VersionNotFoundException(msg, status, code);
        case SCHEMA -> new SchemaNotFoundException(msg, status, code);
      };
    }
    return new SchemaRegistryException(msg, status, code);
  }
}
