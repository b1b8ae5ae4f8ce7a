package io.emostream.serving;

import static io.emostream.serving.ServingFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BearerTokenFilterTest {

  private HttpServer server;

  @BeforeEach
  void setUp() {
    server = ServingFixtures.serve(Map.of());
    server.createContext("/api/", exchange -> Http.json(exchange, 200, Map.of("ok", true)))
        .getFilters().add(new BearerTokenFilter("s3cret"));
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  @Test
  void shouldRejectRequestsWithoutTheToken() {
    HttpResponse<String> response = get(server, "/api/calls/active");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"emostream\"");
    assertThat(response.body()).contains("Authorization: Bearer");
  }

  @Test
  void shouldRejectAWrongToken() {
    assertThat(get(server, "/api/calls/active", "Authorization", "Bearer nope").statusCode()).isEqualTo(401);
    assertThat(get(server, "/api/calls/active?token=s3cre").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldAcceptTheTokenInTheHeaderOrTheQuery() {
    assertThat(get(server, "/api/calls/active", "Authorization", "Bearer s3cret").statusCode()).isEqualTo(200);
    assertThat(get(server, "/api/calls/active", "Authorization", "bearer s3cret").statusCode()).isEqualTo(200);
    assertThat(get(server, "/api/calls/active?token=s3cret").statusCode()).isEqualTo(200);
  }
}
