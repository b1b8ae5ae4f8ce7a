package io.emostream.cli;

import io.emostream.model.corpus.ProgressListener;
import java.io.PrintWriter;

/**
 * A one-line progress display on stderr: {@code [#####.....] 1200/4000 30% 85.2/s ETA 0:33},
 * redrawn with a carriage return at most ten times a second and once at the end.
 */
final class ProgressBar implements ProgressListener {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String label;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;

  ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  @Override
  public void onProgress(int done, int total) {
    long now = System.nanoTime();
    if (done < total && now - lastDrawNanos < REDRAW_NANOS) {
      return;
    }
    lastDrawNanos = now;
    err.print('\r' + line(done, total, (now - startNanos) / 1e9));
    if (done == total) {
      err.println();
    }
    err.flush();
  }

  /** The progress line for {@code done} of {@code total} after {@code seconds}. */
  String line(int done, int total, double seconds) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    double rate = seconds > 0 ? done / seconds : 0;
    long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    return String.format("%s [%s%s] %d/%d %3d%% %.1f/s ETA %d:%02d", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
        done, total, total == 0 ? 100 : 100 * done / total, rate, eta / 60, eta % 60);
  }
}
