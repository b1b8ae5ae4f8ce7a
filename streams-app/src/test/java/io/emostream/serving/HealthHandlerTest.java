package io.emostream.serving;

import static io.emostream.serving.ServingFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class HealthHandlerTest {

  @Test
  void shouldBeUpOnlyWhileStreamsIsRunning() {
    AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.REBALANCING);
    HttpServer server = ServingFixtures.serve(Map.of("/health", new HealthHandler(state::get)));
    try {
      HttpResponse<String> down = get(server, "/health");
      state.set(KafkaStreams.State.RUNNING);
      HttpResponse<String> up = get(server, "/health");

      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\",\"streams\":\"REBALANCING\"}");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).isEqualTo("{\"status\":\"UP\",\"streams\":\"RUNNING\"}");
    } finally {
      server.stop(0);
    }
  }
}
