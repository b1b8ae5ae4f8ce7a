package io.emostream.model.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A text progress bar for training: one line redrawn in place per step (bar, step, running loss),
 * and one permanent line per epoch with the losses and dev metrics. Meant for stderr, so stdout
 * stays clean for results.
 */
public final class ConsoleProgress implements TrainingListener {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean redraw;
  private String phase = "";
  private int phaseTotal;
  private double runningLoss = Double.NaN;
  private long lastDraw;

  /**
   * @param out    where to draw (stderr)
   * @param redraw true to redraw one line with {@code \r} (a terminal); false for logs, which get
   *               only the epoch lines
   */
  public ConsoleProgress(PrintStream out, boolean redraw) {
    this.out = out;
    this.redraw = redraw;
  }

  @Override
  public void onPhase(String name, int total) {
    phase = name;
    phaseTotal = total;
    out.printf(Locale.ROOT, "%s: %d utterances%n", name, total);
  }

  @Override
  public void onPhaseProgress(int done) {
    if (redraw && throttle(done == phaseTotal)) {
      out.printf(Locale.ROOT, "\r%s %s %d/%d", bar(done, phaseTotal), phase, done, phaseTotal);
      if (done == phaseTotal) {
        out.println();
      }
    }
  }

  @Override
  public void onStep(int epoch, int done, int total, double loss) {
    runningLoss = Double.isNaN(runningLoss) || done == 1 ? loss : 0.95 * runningLoss + 0.05 * loss;
    if (redraw && throttle(done == total)) {
      out.printf(Locale.ROOT, "\repoch %d %s %d/%d loss %.4f", epoch, bar(done, total), done, total, runningLoss);
    }
  }

  @Override
  public void onEpoch(EpochStats s, boolean best) {
    if (redraw) {
      out.print("\r" + " ".repeat(WIDTH + 40) + "\r");
    }
    out.printf(Locale.ROOT, "epoch %d: loss %.4f (ce %.4f, contrastive %.4f, recon %.4f, va %.4f) | dev WA %.3f"
            + " UA %.3f F1 %.3f | %.0f s%s%n", s.epoch(), s.loss(), s.crossEntropy(), s.contrastive(),
        s.reconstruction(), s.valenceArousal(), s.devWa(), s.devUa(), s.devMacroF1(), s.seconds(),
        best ? " *best" : "");
    out.flush();
  }

  @Override
  public void onStopped(int epoch, String reason) {
    out.printf(Locale.ROOT, "stopped after epoch %d: %s%n", epoch, reason);
  }

  private boolean throttle(boolean last) {
    long now = System.nanoTime();
    if (last || now - lastDraw > 200_000_000L) {
      lastDraw = now;
      return true;
    }
    return false;
  }

  private static String bar(int done, int total) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
  }
}
