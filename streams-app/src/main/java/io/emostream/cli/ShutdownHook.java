package io.emostream.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The JVM shutdown hook of a long-running command (SIGINT / Ctrl-C, SIGTERM): stops the command,
 * prints a one-line final summary, then shuts logging down itself.
 *
 * <p>Log4j's own shutdown hook is off ({@code shutdownHook="disable"} in log4j2.xml): it ran
 * concurrently with ours and stopped the appenders while the app was still logging its shutdown,
 * so those lines were lost (and Log4j warned "Unable to register shutdown hook"). Logging is
 * stopped here, after the last line, through reflection so that another SLF4J binding works too.
 */
final class ShutdownHook {

  private final Thread thread;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean ran;

  /**
   * @param name thread name
   * @param stop stops the command (closes the app) and returns what it did, e.g. "42 utterances
   *             scored"; the final line adds how long stopping took
   */
  ShutdownHook(String name, Supplier<String> stop, PrintStream out) {
    thread = new Thread(() -> {
      ran = true;
      long started = System.nanoTime();
      try {
        String what = stop.get();
        out.printf("emostream stopped in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, what);
        out.flush();
      } finally {
        done.countDown();
        stopLogging();
      }
    }, name);
  }

  /** Registers the hook with the JVM. */
  ShutdownHook install() {
    Runtime.getRuntime().addShutdownHook(thread);
    return this;
  }

  /** Unregisters it (the command ends by itself); false when the JVM is already shutting down. */
  boolean remove() {
    try {
      return Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Whether the hook has started (a signal arrived). */
  boolean ran() {
    return ran;
  }

  /** Waits until the hook has finished stopping the command, or {@code timeout} passes. */
  boolean await(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Blocks until the hook has run. */
  void await() throws InterruptedException {
    done.await();
  }

  private static void stopLogging() {
    try {
      Class.forName("org.apache.logging.log4j.LogManager").getMethod("shutdown").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      // not Log4j: nothing of ours to stop
    }
  }
}
