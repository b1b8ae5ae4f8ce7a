package io.emostream.model.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.emostream.model.djl.BatchEncoder;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.evaluation.Calibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fits the bundle's temperature on held-out rows: the dev split in all three views (both
 * modalities, audio only, text only, since production sees all three) and the held-out real text.
 * Records the expected calibration error before and after in the metrics.
 */
final class TrainerCalibration {

  private static final int BATCH = 32;

  private TrainerCalibration() {}

  static double fit(DjlEmotionModel model, List<PreparedExample> dev, List<PreparedExample> devText,
      Map<String, Double> metrics) {
    List<Calibration.Row> rows = new ArrayList<>();
    rows.addAll(rows(model, dev, PreparedExample::prepared));
    rows.addAll(rows(model, dev.stream().filter(PreparedExample::hasAudio).toList(), PreparedExample::audioOnly));
    rows.addAll(rows(model, dev.stream().filter(PreparedExample::hasText).toList(), PreparedExample::textOnly));
    rows.addAll(rows(model, devText, PreparedExample::prepared));
    double temperature = Calibration.fitTemperature(rows);
    metrics.put("calibration.temperature", temperature);
    metrics.put("calibration.rows", (double) rows.size());
    metrics.put("dev.ece.uncalibrated", Calibration.expectedCalibrationError(rows, 1.0));
    metrics.put("dev.ece.calibrated", Calibration.expectedCalibrationError(rows, temperature));
    return temperature;
  }

  private static List<Calibration.Row> rows(DjlEmotionModel model, List<PreparedExample> examples,
      Function<PreparedExample, BatchEncoder.Prepared> view) {
    List<Calibration.Row> out = new ArrayList<>(examples.size());
    NDManager root = model.djlModel().getNDManager();
    for (int start = 0; start < examples.size(); start += BATCH) {
      List<PreparedExample> batch = examples.subList(start, Math.min(examples.size(), start + BATCH));
      try (NDManager sub = root.newSubManager()) {
        List<BatchEncoder.Prepared> inputs = batch.stream().map(view).toList();
        NDList result = model.network().forward(new ParameterStore(sub, false), model.encoder().toArrays(inputs, sub),
            false);
        float[] logits = result.get(0).toFloatArray();
        int classes = (int) result.get(0).getShape().get(1);
        for (int i = 0; i < batch.size(); i++) {
          float[] row = new float[classes];
          System.arraycopy(logits, i * classes, row, 0, classes);
          out.add(new Calibration.Row(row, batch.get(i).target().label()));
        }
      }
    }
    return out;
  }
}
