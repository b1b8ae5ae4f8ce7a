package io.emostream.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventFeedTest {

  private EventFeed feed;
  private HttpServer server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    feed = new EventFeed(Duration.ofMillis(100), 50);
    server = ServingFixtures.serve(Map.of("/api/stream", feed));
  }

  @AfterEach
  void tearDown() throws IOException {
    feed.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    server.stop(0);
  }

  @Test
  void shouldDeliverEveryEventToEveryConnectedClient() {
    List<String> first = connect("/api/stream");
    List<String> second = connect("/api/stream");
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> feed.clientCount() == 2);

    feed.publish("utterance", "call-1", Map.of("utteranceId", "u1"));
    feed.publish("alert", "call-2", Map.of("alertId", "a1"));

    for (List<String> lines : List.of(first, second)) {
      Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines)
          .containsSubsequence("event: utterance", "data: {\"utteranceId\":\"u1\"}", "",
              "event: alert", "data: {\"alertId\":\"a1\"}", ""));
    }
    assertThat(first).anyMatch(line -> line.equalsIgnoreCase("Content-Type: text/event-stream; charset=utf-8"));
  }

  @Test
  void shouldSendOnlyTheRequestedCallsEventsWhenFiltered() {
    List<String> lines = connect("/api/stream?callId=call-2");
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> feed.clientCount() == 1);

    feed.publish("utterance", "call-1", Map.of("utteranceId", "u1"));
    feed.publish("utterance", "call-2", Map.of("utteranceId", "u2"));

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("data: {\"utteranceId\":\"u2\"}"));
    assertThat(lines).doesNotContain("data: {\"utteranceId\":\"u1\"}");
  }

  @Test
  void shouldSendKeepAliveCommentsWhileIdle() {
    List<String> lines = connect("/api/stream");

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(": keep-alive"));
  }

  @Test
  void shouldForgetClientsThatDisconnect() throws IOException {
    connect("/api/stream");
    connect("/api/stream");
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> feed.clientCount() == 2);

    sockets.get(0).close();

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> feed.clientCount() == 1);
  }

  /** Opens a raw HTTP/1.1 connection and collects the response lines on a background thread. */
  private List<String> connect(String path) {
    List<String> lines = new CopyOnWriteArrayList<>();
    try {
      Socket socket = new Socket("127.0.0.1", server.getAddress().getPort());
      sockets.add(socket);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the test closed the socket
        }
      });
      reader.setDaemon(true);
      reader.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return lines;
  }
}
