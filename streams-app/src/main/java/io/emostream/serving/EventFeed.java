package io.emostream.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/stream}: server-sent events to any number of clients.
 *
 * <p>{@link #publish} serialises an event once and queues it for every client; each client is
 * served by its own handler thread that drains its queue, so one slow browser never holds up
 * the others or the feeding consumer. A client whose queue overflows (it stopped reading) is
 * dropped; it may reconnect, as EventSource does on its own. When nothing was sent for the
 * keep-alive interval a comment line goes out, which both keeps proxies from closing the
 * connection and reveals clients that went away: the failed write ends their thread and removes
 * them. {@code ?callId=} limits a client to one call's events.
 */
final class EventFeed implements HttpHandler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
  private static final Frame CLOSE = new Frame("", null, "");

  private final Duration keepAlive;
  private final int queueCapacity;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param keepAlive     idle time before a keep-alive comment
   * @param queueCapacity events a client may fall behind before it is dropped
   */
  EventFeed(Duration keepAlive, int queueCapacity) {
    this.keepAlive = keepAlive;
    this.queueCapacity = queueCapacity;
  }

  /** Sends {@code payload} as JSON under {@code event} to every client that wants {@code callId}'s events. */
  void publish(String event, String callId, Object payload) {
    if (clients.isEmpty()) {
      return;
    }
    Frame frame = new Frame(event, callId, Http.toJson(payload));
    for (Client client : clients) {
      if (client.wants(callId) && !client.queue.offer(frame)) {
        LOG.warn("Dropping an event-stream client that fell {} events behind", queueCapacity);
        client.overflowed = true;
        clients.remove(client);
      }
    }
  }

  /** Clients connected now. */
  int clientCount() {
    return clients.size();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Http.requireGet(exchange)) {
      return;
    }
    if (closed) {
      Http.error(exchange, 503, "the event stream is shutting down");
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
    exchange.sendResponseHeaders(200, 0);
    Client client = new Client(Http.query(exchange).get("callId"), new ArrayBlockingQueue<>(queueCapacity));
    clients.add(client);
    try (OutputStream out = exchange.getResponseBody()) {
      write(out, "retry: 2000\n: connected\n\n");
      serve(client, out);
    } catch (IOException e) {
      LOG.debug("Event-stream client went away: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      clients.remove(client);
      exchange.close();
    }
  }

  private void serve(Client client, OutputStream out) throws IOException, InterruptedException {
    while (!closed && !client.overflowed) {
      Frame frame = client.queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
      if (frame == CLOSE) {
        return;
      }
      write(out, frame == null ? ": keep-alive\n\n" : "event: " + frame.event + "\ndata: " + frame.data + "\n\n");
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Ends every client's stream; new requests get 503. */
  @Override
  public void close() {
    closed = true;
    for (Client client : clients) {
      client.queue.clear();
      client.queue.offer(CLOSE);
    }
  }

  private record Frame(String event, String callId, String data) {}

  private static final class Client {
    private final String callId;
    private final BlockingQueue<Frame> queue;
    private volatile boolean overflowed;

    private Client(String callId, BlockingQueue<Frame> queue) {
      this.callId = callId == null || callId.isBlank() ? null : callId;
      this.queue = queue;
    }

    private boolean wants(String eventCallId) {
      return callId == null || callId.equals(eventCallId);
    }
  }
}
