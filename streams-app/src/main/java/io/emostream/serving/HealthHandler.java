package io.emostream.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","streams":"RUNNING"}} only while Kafka Streams
 * is RUNNING; otherwise 503 with the state, e.g. {@code {"status":"DOWN","streams":"REBALANCING"}}.
 * Suits a readiness probe: an instance that is restoring or rebalancing is taken out of the load
 * balancer until it can answer queries. Never requires the bearer token.
 */
final class HealthHandler implements HttpHandler {

  private final Supplier<KafkaStreams.State> state;

  HealthHandler(Supplier<KafkaStreams.State> state) {
    this.state = state;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Http.requireGet(exchange)) {
      return;
    }
    KafkaStreams.State now = state.get();
    boolean up = now == KafkaStreams.State.RUNNING;
    Map<String, String> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    body.put("streams", now.name());
    Http.json(exchange, up ? 200 : 503, body);
  }
}
