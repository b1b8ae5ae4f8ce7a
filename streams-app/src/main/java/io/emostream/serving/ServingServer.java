package io.emostream.serving;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.emostream.alerts.AlertTopology;
import io.emostream.common.FeatureApi;
import io.emostream.config.ConfigException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP server (the JDK's {@link HttpServer}): REST API, event stream, dashboard,
 * health and metrics.
 *
 * <p>Two steps, because Kafka Streams must know this instance's address before it starts:
 * {@link #bind} opens the socket (so {@code serving.port=0} resolves to a real port for
 * {@code application.server}), then {@link #start} installs the handlers over the running app.
 * Each request runs on a pooled thread; an event-stream client holds its thread while connected.
 */
@FeatureApi
public final class ServingServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServingServer.class);
  private static final int FEED_QUEUE = 1_000;

  private final ServingConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private EventFeed feed;
  private FeedTap tap;

  private ServingServer(ServingConfig config, HttpServer server, ExecutorService executor) {
    this.config = config;
    this.server = server;
    this.executor = executor;
  }

  /** Binds {@code serving.host}:{@code serving.port}; nothing is served until {@link #start}. */
  public static ServingServer bind(ServingConfig config) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
      ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
      server.setExecutor(executor);
      return new ServingServer(config, server, executor);
    } catch (IOException e) {
      throw new ConfigException("cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage()
          + "): set " + ServingConfig.PORT + " to a free port (0 picks one) or " + ServingConfig.HOST, e);
    }
  }

  /** The port bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code host:port} other instances reach this one at, for {@code application.server}. */
  public String advertised() {
    return config.advertised(port());
  }

  /**
   * Serves {@code app}: installs the handlers, starts the event feed's consumer and the server.
   *
   * @param applicationServer the {@code application.server} Streams runs with ({@code host:port})
   */
  public void start(ServedApp app, String applicationServer) {
    KafkaStreams streams = app.streams();
    HostInfo self = HostInfo.buildFromEndpoint(applicationServer);
    feed = new EventFeed(config.keepAlive(), FEED_QUEUE);
    tap = new FeedTap(config.clientProps(), app.utterances(), app.alerts(),
        feed);
    IntFunction<LocalQueries> local = partition -> new LocalQueries(StoreSource.of(streams, partition));
    StreamsCluster cluster = new StreamsCluster(streams, self, config.token(), app.inputPartitions());
    ApiHandler api = new ApiHandler(local, cluster);

    server.createContext("/health", new HealthHandler(streams::state));
    server.createContext("/static/", new StaticHandler());
    secured("/", new StaticHandler());
    secured("/api/", api);
    secured("/api/stream", feed);
    secured("/metrics", new MetricsHandler(streams::state, app::metrics, app.model(), tap, feed,
        () -> openAlertCount(cluster, local)));
    tap.start();
    server.start();
    LOG.info("Serving the dashboard and API on http://{}:{}/ (application.server={}, bearer token {})",
        config.host(), port(), applicationServer, config.token() == null ? "off" : "required");
  }

  /** Alerts open in the partitions this instance runs; -1 while it cannot be queried. */
  private static int openAlertCount(Cluster cluster, IntFunction<LocalQueries> local) {
    try {
      int open = 0;
      for (var e : cluster.activeHosts(AlertTopology.STORE).entrySet()) {
        if (e.getValue().equals(cluster.self())) {
          open += local.apply(e.getKey()).openAlerts().size();
        }
      }
      return open;
    } catch (InvalidStateStoreException | Cluster.NotQueryableException e) {
      return -1;
    }
  }

  private void secured(String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, handler);
    if (config.token() != null) {
      context.getFilters().add(new BearerTokenFilter(config.token()));
    }
  }

  /** Ends event streams, stops the feed's consumer and the server. */
  @Override
  public void close() {
    if (feed != null) {
      feed.close();
    }
    if (tap != null) {
      tap.close();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "emostream-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
