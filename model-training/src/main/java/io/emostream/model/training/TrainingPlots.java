package io.emostream.model.training;

import io.emostream.model.evaluation.SvgCharts;
import io.emostream.model.evaluation.View;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a training run's plots: the training curve and the test confusion matrices (SVG). */
public final class TrainingPlots {

  private TrainingPlots() {}

  /** Writes {@code training-curve.svg} and {@code confusion-<view>.svg} into {@code dir}; returns the files. */
  public static List<Path> write(TrainingResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    double[] loss = result.history().stream().mapToDouble(EpochStats::loss).toArray();
    double[] ua = result.history().stream().mapToDouble(EpochStats::devUa).toArray();
    Path curve = dir.resolve("training-curve.svg");
    Files.writeString(curve, SvgCharts.trainingCurve(loss, ua, "training loss and dev UA (best epoch "
        + result.bestEpoch() + ")"), StandardCharsets.UTF_8);
    written.add(curve);
    for (View v : result.test().views().keySet()) {
      Path file = dir.resolve("confusion-" + v.key().replace('_', '-') + ".svg");
      Files.writeString(file, SvgCharts.confusionMatrix(result.test().view(v), "test confusion, " + v.title()),
          StandardCharsets.UTF_8);
      written.add(file);
    }
    return written;
  }
}
