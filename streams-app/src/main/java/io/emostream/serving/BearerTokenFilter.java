package io.emostream.serving;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Requires {@code Authorization: Bearer <token>} (or {@code ?token=<token>}, which is how the
 * dashboard page and the browser's EventSource, which cannot set headers, pass it). Anything
 * else gets 401 with a {@code WWW-Authenticate} challenge. Tokens are compared in constant time.
 */
final class BearerTokenFilter extends Filter {

  private final byte[] expected;

  BearerTokenFilter(String token) {
    this.expected = Objects.requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if (matches(presented(exchange))) {
      chain.doFilter(exchange);
      return;
    }
    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"emostream\"");
    Http.error(exchange, 401, "missing or wrong bearer token: send 'Authorization: Bearer <serving.token>'"
        + " or add ?token=<serving.token> to the URL");
  }

  private boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String presented(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    return Http.query(exchange).get("token");
  }

  @Override
  public String description() {
    return "bearer token";
  }
}
