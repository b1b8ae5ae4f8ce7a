package io.emostream.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One launched dev-registry child JVM: the process, its port and log, and the shutdown hook that
 * stops it if nobody else does. {@link DevRegistry} owns the life cycle; this type only launches
 * and stops.
 *
 * @param process the child, not null
 * @param port the port it was told to bind on 127.0.0.1
 * @param logFile where its stdout and stderr go, not null
 * @param shutdownHook registered with the runtime; stops the child at JVM exit, not null
 */
record RegistryProcess(Process process, int port, Path logFile, Thread shutdownHook) {

  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
  private static final Duration FORCED_STOP = Duration.ofSeconds(5);

  /**
   * Starts {@code jar} on {@code port} with the current JVM's {@code java}, output to
   * {@code logDirectory/dev-registry-PORT.log} (truncated if it exists).
   *
   * @throws UncheckedIOException when the log directory or the process cannot be created
   */
  static RegistryProcess launch(Path jar, int port, Path logDirectory) {
    Path logFile = logDirectory.resolve("dev-registry-" + port + ".log");
    ProcessBuilder builder = new ProcessBuilder(DevRegistry.command(currentJava(), jar, port))
        .redirectErrorStream(true)
        .redirectOutput(Redirect.to(logFile.toFile()))
        .redirectInput(Redirect.from(nullDevice()));
    Process process;
    try {
      Files.createDirectories(logDirectory);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the dev registry (" + jar + ") with output to "
          + logFile + ": " + e.getMessage(), e);
    }
    Thread hook = new Thread(() -> stop(process), "dev-registry-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(hook);
    return new RegistryProcess(process, port, logFile, hook);
  }

  /** Stops this child and unregisters its hook; used when start-up is abandoned. */
  void stop() {
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting and runs the hook itself
    }
  }

  /** SIGTERM, wait for a clean exit, then SIGKILL; keeps the caller's interrupt flag. */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The {@code java} running this JVM, so the child gets the same version and vendor. */
  private static Path currentJava() {
    Path fromHome = Path.of(System.getProperty("java.home"), "bin",
        isWindows() ? "java.exe" : "java");
    if (Files.isExecutable(fromHome)) {
      return fromHome;
    }
    return ProcessHandle.current().info().command().map(Path::of).orElseThrow(
        () -> new IllegalStateException("Cannot find the java executable: " + fromHome
            + " is not executable and the OS does not report this process's command"));
  }

  private static File nullDevice() {
    return new File(isWindows() ? "NUL" : "/dev/null");
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
  }
}
