package io.emostream.embedded;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Confluent-compatible schema registry (Apicurio Registry, in-memory storage) running as a
 * child JVM on a free 127.0.0.1 port, for the demo and the integration tests, without Docker.
 *
 * <p>A child process rather than in-process because the registry is a Quarkus application with
 * its own class loading, logging and dependency versions that would clash with the app's. The
 * child runs on the same {@code java} as this JVM; its stdout and stderr go to a log file
 * ({@link #logFile()}, by default next to the jar: {@code dev-registry/target/dev-registry-PORT.log}).
 * Storage is in memory: every start is an empty registry.
 *
 * <p>{@link #close()} stops the child (SIGTERM, then forcibly); a shutdown hook does the same if the
 * JVM exits without closing, so an interrupted test run leaves nothing behind. A JVM killed with
 * SIGKILL runs no hooks and can leak the child.
 *
 * <p>Thread-safe: {@link #close()} may be called from any thread, more than once.
 */
public final class DevRegistry implements AutoCloseable {

  /** How long {@link #start()} waits for the API; a cold start on 2 busy cores takes ~5-15 s. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
  /** Path of the Confluent-compatible API under the server root. */
  public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

  private static final Logger LOG = LoggerFactory.getLogger(DevRegistry.class);
  private static final String HOST = "127.0.0.1";
  /** A free port can be taken by someone else before the child binds it; then we try another. */
  private static final int PORT_ATTEMPTS = 3;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final int LOG_TAIL_LINES = 40;

  private final Process process;
  private final int port;
  private final Path logFile;
  private final Duration startupTime;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DevRegistry(RegistryProcess child, Duration startupTime) {
    this.process = child.process();
    this.port = child.port();
    this.logFile = child.logFile();
    this.shutdownHook = child.shutdownHook();
    this.startupTime = startupTime;
  }

  /**
   * Starts the registry from the jar {@link DevRegistryJar#locate()} finds, logging next to it.
   *
   * @throws IllegalStateException when the jar is missing or the registry does not come up in
   *     {@link #DEFAULT_START_TIMEOUT} (the message carries the tail of its log)
   */
  public static DevRegistry start() {
    return start(DevRegistryJar.locate(), null, DEFAULT_START_TIMEOUT);
  }

  /**
   * Starts the registry and blocks until {@code GET /apis/ccompat/v7/subjects} answers 200.
   *
   * @param jar the runner jar, not null; checked before anything is started
   * @param logDirectory where {@code dev-registry-PORT.log} is written; null means the jar's
   *     directory, or the temp directory when that is not writable
   * @param timeout how long to wait for the API, not null, positive
   * @return the running registry, to be closed by the caller
   * @throws IllegalArgumentException when {@code jar} is not an existing file
   * @throws IllegalStateException when the child exits or does not answer in time
   */
  public static DevRegistry start(Path jar, Path logDirectory, Duration timeout) {
    Objects.requireNonNull(jar, "jar");
    Objects.requireNonNull(timeout, "timeout");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("Dev registry jar " + jar.toAbsolutePath()
          + " does not exist. Build it with `" + DevRegistryJar.BUILD_COMMAND
          + "` from the repository root.");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    Path runnerJar = jar.toAbsolutePath().normalize();
    Path logDir = logDirectory != null ? logDirectory : defaultLogDirectory(runnerJar);
    long started = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      RegistryProcess child = RegistryProcess.launch(runnerJar, FreePorts.next(), logDir);
      try {
        awaitReady(child, started, timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Dev registry up at http://{}:{}{} in {} ms (log: {})",
            HOST, child.port(), CCOMPAT_PATH, took.toMillis(), child.logFile());
        return new DevRegistry(child, took);
      } catch (PortTakenException e) {
        child.stop();
        if (attempt == PORT_ATTEMPTS) {
          throw new IllegalStateException("Dev registry could not bind a free port in "
              + PORT_ATTEMPTS + " attempts; last log " + child.logFile() + " ends with:\n"
              + LogTail.of(child.logFile(), LOG_TAIL_LINES), e);
        }
        LOG.info("Port {} was taken before the dev registry bound it; trying another", child.port());
      } catch (RuntimeException | Error e) {
        child.stop();
        throw e;
      }
    }
  }

  /** The Confluent-compatible base URL, e.g. {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
  public String url() {
    return "http://" + HOST + ":" + port + CCOMPAT_PATH;
  }

  /** The HTTP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The file the child's stdout and stderr go to; kept after {@link #close()}. */
  public Path logFile() {
    return logFile;
  }

  /** Wall time from launching the child JVM to the API's first 200. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Whether the child JVM is still running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the child: SIGTERM, up to 10 s for a clean exit, then SIGKILL. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    RegistryProcess.stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting; the hook runs (or ran) and finds the child gone
    }
    LOG.info("Dev registry on port {} stopped", port);
  }

  @Override
  public String toString() {
    return "DevRegistry[" + url() + ", log=" + logFile + ", running=" + process.isAlive() + "]";
  }

  private static void awaitReady(RegistryProcess child, long startedNanos, Duration timeout) {
    URI probe = URI.create("http://" + HOST + ":" + child.port() + CCOMPAT_PATH + "/subjects");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build();
    long deadline = startedNanos + timeout.toNanos();
    int lastStatus = -1;
    while (true) {
      if (!child.process().isAlive()) {
        String tail = LogTail.of(child.logFile(), LOG_TAIL_LINES);
        if (tail.contains("in use") || tail.contains("already bound")) {
          throw new PortTakenException(child.port());
        }
        throw new IllegalStateException("Dev registry exited with code " + child.process().exitValue()
            + " before its API answered on " + probe + ". Log " + child.logFile()
            + " ends with:\n" + tail);
      }
      try {
        lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (lastStatus == 200) {
          return;
        }
      } catch (ConnectException | HttpTimeoutException notYetListening) {
        // still starting: Quarkus opens the port only once the app is initialised
      } catch (IOException e) {
        LOG.debug("Dev registry probe failed: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the dev registry", e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Dev registry did not answer 200 on " + probe + " within "
            + timeout.toSeconds() + " s (last HTTP status: "
            + (lastStatus < 0 ? "no connection" : lastStatus) + "). Log " + child.logFile()
            + " ends with:\n" + LogTail.of(child.logFile(), LOG_TAIL_LINES));
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the dev registry", e);
      }
    }
  }

  private static Path defaultLogDirectory(Path jar) {
    Path dir = jar.toAbsolutePath().getParent();
    return dir != null && Files.isWritable(dir) ? dir : Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** The child's JVM and Quarkus options; package-private for {@link RegistryProcess}. */
  static List<String> command(Path java, Path jar, int port) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx256m");
    // C1 only and the serial collector: start-up time matters far more than peak throughput here
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Dquarkus.http.host=" + HOST);
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.banner.enabled=false");
    // Apicurio opens 20 H2 connections up front in its prod profile; one is plenty for tests
    command.add("-Dquarkus.datasource.jdbc.initial-size=1");
    command.add("-Dquarkus.datasource.jdbc.min-size=1");
    // keep Quarkus' "started in ... Listening on" line, drop Apicurio's storage chatter and Sentry
    command.add("-Dquarkus.log.category.\"io.apicurio\".level=WARN");
    command.add("-Dquarkus.log.category.\"io.sentry\".level=ERROR");
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }

  /** The child exited because another process took its port between choosing and binding it. */
  private static final class PortTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortTakenException(int port) {
      super("port " + port + " taken");
    }
  }
}
