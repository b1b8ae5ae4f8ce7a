package io.emostream.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the dashboard's files from the class path ({@code io/emostream/serving/dashboard/}):
 * {@code /} is {@code index.html}, {@code /static/<file>} the scripts and styles. Only the
 * named files are served, so no request can reach other class-path resources.
 */
final class StaticHandler implements HttpHandler {

  private static final String ROOT = "io/emostream/serving/dashboard/";
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html",
      "/index.html", "index.html",
      "/static/app.js", "app.js",
      "/static/style.css", "style.css");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8");

  private final Map<String, byte[]> content = new HashMap<>();

  StaticHandler() {
    for (String file : FILES.values()) {
      content.computeIfAbsent(file, StaticHandler::load);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Http.requireGet(exchange)) {
      return;
    }
    String file = FILES.get(exchange.getRequestURI().getPath());
    if (file == null) {
      Http.error(exchange, 404, "no page " + exchange.getRequestURI().getPath() + ": the dashboard is at /");
      return;
    }
    Http.send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), content.get(file));
  }

  private static byte[] load(String file) {
    try (InputStream in = StaticHandler.class.getClassLoader().getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("dashboard file " + ROOT + file + " is missing from the class path;"
            + " rebuild emostream-streams-app");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard file " + ROOT + file, e);
    }
  }
}
