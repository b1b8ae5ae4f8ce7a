package io.emostream.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * Polls the read API's list endpoints of some instances in the background, as a dashboard
 * would, and keeps every answer: the status, whether it was partial, and the open alert ids.
 * An instance that does not answer at all (stopped) is recorded with status -1.
 */
final class ApiProbe implements AutoCloseable {

  /** One answer of {@code path} on the instance at {@code port}. */
  record Answer(long atNanos, int port, String path, int status, boolean partial, Set<String> alertIds) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  /** Starts polling {@code /api/calls/active} and {@code /api/alerts/open} on each port. */
  ApiProbe(List<IntSupplier> ports) {
    thread = new Thread(() -> {
      while (running) {
        for (IntSupplier port : ports) {
          ask(port.getAsInt(), "/api/calls/active");
          ask(port.getAsInt(), "/api/alerts/open");
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "api-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void ask(int port, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(15)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      boolean partial = false;
      Set<String> alertIds = new TreeSet<>();
      if (response.statusCode() == 200) {
        JsonNode body = JSON.readTree(response.body());
        partial = body.path("partial").asBoolean();
        if (path.endsWith("alerts/open")) {
          body.path("items").forEach(a -> alertIds.add(a.path("alertId").asText()));
        }
      }
      answers.add(new Answer(System.nanoTime(), port, path, response.statusCode(), partial, alertIds));
    } catch (IOException e) {
      answers.add(new Answer(System.nanoTime(), port, path, -1, false, Set.of()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  List<Answer> answers() {
    return new ArrayList<>(answers);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(20_000);
  }
}
