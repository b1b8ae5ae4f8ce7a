package io.emostream.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP server on 127.0.0.1 that answers with scripted responses in order and records
 * every request, to test the HTTP client's paths, headers, retries and error mapping.
 */
final class ScriptedRegistryServer implements AutoCloseable {

  /** One request as the server saw it. */
  record Request(String method, String path, String authorization, String contentType,
      String body) {}

  private record Response(int status, String body) {}

  private final HttpServer server;
  private final Deque<Response> script = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  ScriptedRegistryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Queues the next answer. */
  ScriptedRegistryServer respond(int status, String body) {
    synchronized (script) {
      script.add(new Response(status, body));
    }
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("Content-Type"), body));
    Response response;
    synchronized (script) {
      response = script.isEmpty()
          ? new Response(500, "{\"error_code\":50001,\"message\":\"no scripted response\"}")
          : script.poll();
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
