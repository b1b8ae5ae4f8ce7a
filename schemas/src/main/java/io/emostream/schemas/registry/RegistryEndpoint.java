package io.emostream.schemas.registry;

import java.util.Objects;

/**
 * One registry base URL and how to authenticate against it.
 *
 * @param baseUrl scheme, host, port and any path prefix (e.g. {@code /apis/ccompat/v7}), without
 *     user info and without a trailing slash; never null
 * @param authorization the {@code Authorization} header value, or null for none
 */
public record RegistryEndpoint(String baseUrl, String authorization) {
  public RegistryEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
  }

  /** Joins a path that starts with '/' onto the base, keeping the base's own path. */
  public String resolve(String path) {
    return baseUrl + path;
  }

  @Override
  public String toString() {
    // never print credentials
    return baseUrl;
  }
}
