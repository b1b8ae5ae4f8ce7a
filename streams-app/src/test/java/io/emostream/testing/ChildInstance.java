package io.emostream.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One emostream instance running as a child JVM, started the way an operator starts it
 * ({@code emostream run --set ...}) from this test JVM's class path, so that a test can kill it
 * with SIGKILL — the one failure an in-process app cannot simulate: no shutdown hook, no commit,
 * no close, an open transaction left behind.
 *
 * <p>Each {@link #start()} writes a fresh log file {@code <logDir>/<name>-<n>.log}; readiness is
 * the app's own log line of Kafka Streams entering RUNNING. Not thread-safe: one test drives it.
 */
public final class ChildInstance implements AutoCloseable {

  /** Logged by {@code EmostreamApp}'s state listener, e.g. {@code Kafka Streams REBALANCING -> RUNNING}. */
  private static final String RUNNING_LINE = "-> RUNNING";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Map<String, String> settings;
  private final Path logDir;
  private final List<String> jvmOptions;
  private Process process;
  private Path logFile;
  private int starts;

  /**
   * @param name       short name for logs and thread names (e.g. {@code "A"})
   * @param settings   every {@code --set key=value} the instance runs with (bootstrap, registry,
   *                   application id, prefix, state dir, model location ...); copied
   * @param logDir     where the instance's log files go (created if missing)
   * @param jvmOptions extra JVM options, e.g. {@code -Xmx512m}
   */
  public ChildInstance(String name, Map<String, String> settings, Path logDir, List<String> jvmOptions) {
    this.name = name;
    this.settings = new LinkedHashMap<>(settings);
    this.logDir = logDir;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * Launches the JVM and returns once its Kafka Streams instance is RUNNING.
   *
   * @throws IllegalStateException if it is already alive, exits during start-up, or is not
   *     RUNNING within {@code timeout}; the message carries the end of its log
   */
  public ChildInstance start(Duration timeout) {
    if (isAlive()) {
      throw new IllegalStateException("instance " + name + " is already running (pid " + process.pid() + ")");
    }
    starts++;
    logFile = logDir.resolve(name + "-" + starts + ".log");
    ProcessBuilder builder = new ProcessBuilder(command())
        .redirectErrorStream(true)
        .redirectOutput(Redirect.to(logFile.toFile()))
        .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().put("OPT_OUT_TRACKING", "true");
    try {
      Files.createDirectories(logDir);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not launch instance " + name + " (log " + logFile + ")", e);
    }
    try {
      Awaitility.await("instance " + name + " RUNNING").atMost(timeout).pollInterval(Duration.ofMillis(200))
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("instance " + name + " exited with " + process.exitValue()
                  + " during start-up; log " + logFile + ":\n" + tail(40));
            }
            return log().contains(RUNNING_LINE);
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("instance " + name + " did not reach RUNNING within " + timeout
          + "; log " + logFile + ":\n" + tail(40), e);
    }
    return this;
  }

  /** Starts with a two-minute limit (a cold DJL load plus a rebalance on 2 busy cores). */
  public ChildInstance start() {
    return start(Duration.ofMinutes(2));
  }

  /** SIGKILL: the JVM dies at once, mid-transaction, without running any shutdown hook. */
  public void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitForExit(Duration.ofSeconds(10));
    }
  }

  /** SIGTERM, then waits for the app's clean shutdown (Streams commits and closes); SIGKILL if it hangs. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!waitForExit(STOP_TIMEOUT)) {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
        throw new IllegalStateException("instance " + name + " did not stop within " + STOP_TIMEOUT
            + " of SIGTERM and was killed; log " + logFile + ":\n" + tail(40));
      }
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The current (latest) log file; null before the first start. */
  public Path logFile() {
    return logFile;
  }

  /** The whole current log; empty when there is none yet. */
  public String log() {
    try {
      return logFile == null || !Files.exists(logFile) ? "" : Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + logFile, e);
    }
  }

  /** Stops the instance if it still runs; a test's {@code finally} or {@code @AfterEach}. */
  @Override
  public void close() {
    if (isAlive()) {
      process.destroy();
      if (!waitForExit(STOP_TIMEOUT)) {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
      }
    }
  }

  @Override
  public String toString() {
    return "ChildInstance[" + name + (isAlive() ? ", pid " + process.pid() : ", not running") + "]";
  }

  private List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    // offline DJL as in the tests' own JVM; a shared cache so libtorch is extracted once
    cmd.add("-Dai.djl.offline=true");
    copyProperty(cmd, "DJL_CACHE_DIR");
    copyProperty(cmd, "ENGINE_CACHE_DIR");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.emostream.cli.EmostreamCommand");
    cmd.add("run");
    settings.forEach((k, v) -> {
      cmd.add("--set");
      cmd.add(k + "=" + v);
    });
    return cmd;
  }

  private static void copyProperty(List<String> cmd, String key) {
    String value = System.getProperty(key);
    if (value != null) {
      cmd.add("-D" + key + "=" + value);
    }
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String tail(int lines) {
    String[] all = log().split("\\R");
    return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
  }
}
