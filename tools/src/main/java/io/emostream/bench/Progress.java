package io.emostream.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one-line progress display on stderr: the scenario, what it is doing and the elapsed time,
 * redrawn in place with a carriage return at most four times a second. Thread-safe.
 */
final class Progress {

  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintWriter err;
  private String scenario = "";
  private long scenarioStart = System.nanoTime();
  private long lastDraw;
  private int lastWidth;

  Progress(PrintWriter err) {
    this.err = err;
  }

  /** Starts a new line for scenario {@code index} (1-based) of {@code total}. */
  synchronized void scenario(int index, int total, String name) {
    finishLine();
    scenario = "[" + index + "/" + total + " " + name + "]";
    scenarioStart = System.nanoTime();
    draw("starting", true);
  }

  /** Shows {@code status} (throttled). */
  synchronized void update(String status) {
    draw(status, false);
  }

  /** Shows {@code status} now and ends the line. */
  synchronized void finish(String status) {
    draw(status, true);
    finishLine();
  }

  private void draw(String status, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = String.format(Locale.ROOT, "%s %s  %.1f s", scenario, status, (now - scenarioStart) / 1e9);
    err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
    err.flush();
    lastWidth = line.length();
  }

  private void finishLine() {
    if (lastWidth > 0) {
      err.println();
      err.flush();
      lastWidth = 0;
    }
  }
}
