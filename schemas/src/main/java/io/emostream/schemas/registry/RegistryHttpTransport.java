package io.emostream.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one REST call to the registry with failover and retries. A round tries every URL once,
 * starting with the last one that answered; connection errors and 408/429/5xx move on to the
 * next URL, and after a failed round the next starts after an exponential backoff. 4xx answers
 * are final and mapped by {@link RegistryErrors}. A registry that is down therefore yields a
 * {@link RegistryUnreachableException} after about {@code connectTimeout x urls x (retries+1)}
 * plus the backoffs, never a hang.
 */
final class RegistryHttpTransport {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
      + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpTransport.class);

  /** A 2xx answer's body. */
  record Answer(int status, String body) {}

  private final List<RegistryEndpoint> endpoints;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final Duration backoff;
  private final Duration backoffMax;
  /** Index of the URL that answered last; rounds start there so a dead first URL costs once. */
  private final AtomicInteger preferred = new AtomicInteger();

  RegistryHttpTransport(List<RegistryEndpoint> endpoints, SSLContext ssl, Duration connectTimeout,
      Duration requestTimeout, int maxRetries, Duration backoff, Duration backoffMax) {
    this.endpoints = List.copyOf(endpoints);
    this.requestTimeout = requestTimeout;
    this.maxRetries = maxRetries;
    this.backoff = backoff;
    this.backoffMax = backoffMax;
    // HTTP/1.1: the cleartext HTTP/2 upgrade dance confuses some registries and proxies
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .sslContext(ssl)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /**
   * @param method GET or POST
   * @param path starts with '/', already URL-encoded
   * @param jsonBody request body for POST, null for GET
   * @param what the request in words, for error messages
   * @param notFound how to read a bare 404
   */
  Answer send(String method, String path, String jsonBody, String what,
      RegistryErrors.NotFound notFound) {
    Exception lastError = null;
    int lastStatus = -1;
    long delayMs = backoff.toMillis();
    int urls = endpoints.size();
    for (int round = 0; round <= maxRetries; round++) {
      if (round > 0) {
        pause(delayMs, what);
        delayMs = Math.min(Math.max(1, delayMs * 2), backoffMax.toMillis());
      }
      int start = preferred.get();
      for (int i = 0; i < urls; i++) {
        int index = (start + i) % urls;
        RegistryEndpoint endpoint = endpoints.get(index);
        try {
          HttpResponse<String> response = http.send(request(endpoint, method, path, jsonBody),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            preferred.set(index);
            return new Answer(status, response.body());
          }
          if (status == 408 || status == 429 || status >= 500) {
            lastStatus = status;
            lastError = new IOException("HTTP " + status + " from " + endpoint + ": "
                + abbreviate(response.body()));
            LOG.debug("Registry {} answered {} while {}; trying the next", endpoint, status,
                what);
            continue;
          }
          preferred.set(index);
          throw RegistryErrors.map(status, response.body(), what, endpoint.toString(), notFound);
        } catch (IOException e) {
          lastError = e;
          lastStatus = -1;
          LOG.debug("Registry {} failed while {}: {}", endpoint, what, e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RegistryUnreachableException("Interrupted while " + what, -1, e);
        }
      }
    }
    throw new RegistryUnreachableException("Schema registry unreachable while " + what
        + ": no answer from " + endpoints + " after " + (maxRetries + 1) + " round(s); last error: "
        + describe(lastError) + ". Check that the registry runs and that schema.registry.url "
        + "points at it (and its TLS/auth settings).", lastStatus, lastError);
  }

  private HttpRequest request(RegistryEndpoint endpoint, String method, String path,
      String jsonBody) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint.resolve(path)))
        .timeout(requestTimeout)
        .header("Accept", ACCEPT);
    if (endpoint.authorization() != null) {
      b.header("Authorization", endpoint.authorization());
    }
    if (jsonBody == null) {
      b.GET();
    } else {
      b.header("Content-Type", CONTENT_TYPE);
      b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    }
    return b.build();
  }

  /** How many times a failed request is tried again, from {@code max.retries}. */
  int maxRetries() {
    return maxRetries;
  }

  /**
   * Waits before the given retry (1 = the first) as {@link #send} does: the configured backoff,
   * doubled each round up to its maximum.
   */
  void pauseBeforeRetry(int retry, String what) {
    long delayMs = backoff.toMillis();
    for (int i = 1; i < retry; i++) {
      delayMs = Math.min(Math.max(1, delayMs * 2), backoffMax.toMillis());
    }
    pause(delayMs, what);
  }

  private static void pause(long millis, String what) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnreachableException("Interrupted while retrying " + what, -1, e);
    }
  }

  private static String describe(Exception e) {
    if (e == null) {
      return "none";
    }
    String m = e.getMessage();
    // HttpClient's ConnectException often has a null message; the class name still tells
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= 200 ? body : body.substring(0, 200) + "...";
  }
}
