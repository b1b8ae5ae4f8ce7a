package io.emostream.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  /** Rows whose true probabilities are softmax(z); the labels are drawn from them. */
  private static List<Calibration.Row> rows(double overconfidence, long seed) {
    Random random = new Random(seed);
    List<Calibration.Row> rows = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      float[] z = new float[4];
      for (int c = 0; c < 4; c++) {
        z[c] = (float) random.nextGaussian();
      }
      double[] p = Calibration.softmax(z, 1.0);
      double u = random.nextDouble();
      int label = 0;
      for (double cumulative = p[0]; cumulative < u && label < 3; cumulative += p[++label]) {
        // walk to the drawn class
      }
      float[] logits = new float[4];
      for (int c = 0; c < 4; c++) {
        logits[c] = (float) (z[c] * overconfidence);
      }
      float[] correct = new float[4];
      correct[label] = 1f;
      rows.add(new Calibration.Row(logits, correct));
    }
    return rows;
  }

  @Test
  void shouldRecoverTheTemperatureOfAnOverconfidentModel() {
    List<Calibration.Row> rows = rows(3.0, 1);
    double t = Calibration.fitTemperature(rows);
    assertThat(t).isCloseTo(3.0, within(0.4));
    assertThat(Calibration.expectedCalibrationError(rows, t))
        .isLessThan(Calibration.expectedCalibrationError(rows, 1.0) / 2);
  }

  @Test
  void shouldLeaveACalibratedModelNearTemperatureOneWithSmallError() {
    List<Calibration.Row> rows = rows(1.0, 2);
    assertThat(Calibration.fitTemperature(rows)).isCloseTo(1.0, within(0.15));
    assertThat(Calibration.expectedCalibrationError(rows, 1.0)).isLessThan(0.04);
  }

  @Test
  void shouldCountAnyClassInsideTheMaskAsRight() {
    Calibration.Row row = new Calibration.Row(new float[] {0f, 5f, 0f, 0f}, new float[] {1f, 1f, 0f, 0f});
    assertThat(Calibration.nll(List.of(row), 1.0)).isLessThan(0.05);
    assertThat(Calibration.expectedCalibrationError(List.of(row), 1.0)).isLessThan(0.05);
  }
}
