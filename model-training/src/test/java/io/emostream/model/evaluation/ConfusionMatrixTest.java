package io.emostream.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  private static final List<String> LABELS = List.of("neutral", "happy", "angry", "sad");

  /**
   * true\pred   neu hap ang sad   (row sums 10, 5, 4, 1 = 20)
   * neutral      8   1   1   0
   * happy        2   3   0   0
   * angry        0   0   4   0
   * sad          1   0   0   0
   */
  private static final long[][] COUNTS = {{8, 1, 1, 0}, {2, 3, 0, 0}, {0, 0, 4, 0}, {1, 0, 0, 0}};

  @Test
  void shouldComputeWaUaAndMacroF1AsByHand() {
    ConfusionMatrix m = ConfusionMatrix.of(LABELS, COUNTS);

    assertThat(m.total()).isEqualTo(20);
    assertThat(m.weightedAccuracy()).isCloseTo(15 / 20.0, within(1e-12));
    // recalls 0.8, 0.6, 1.0, 0.0
    assertThat(m.unweightedAccuracy()).isCloseTo((0.8 + 0.6 + 1.0 + 0.0) / 4, within(1e-12));
    // precisions 8/11, 3/4, 4/5, 0 -> F1s
    double f1Neutral = 2 * (8 / 11.0) * 0.8 / (8 / 11.0 + 0.8);
    double f1Happy = 2 * 0.75 * 0.6 / 1.35;
    double f1Angry = 2 * 0.8 * 1.0 / 1.8;
    assertThat(m.macroF1()).isCloseTo((f1Neutral + f1Happy + f1Angry + 0) / 4, within(1e-12));
    assertThat(m.perClass().get(0).precision()).isCloseTo(8 / 11.0, within(1e-12));
    assertThat(m.perClass().get(3).support()).isEqualTo(1);
  }

  @Test
  void shouldAverageUaOnlyOverClassesThatHaveExamples() {
    ConfusionMatrix m = ConfusionMatrix.of(LABELS, new long[][] {{3, 1, 0, 0}, {0, 2, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}});

    assertThat(m.unweightedAccuracy()).isCloseTo((0.75 + 1.0) / 2, within(1e-12));
  }

  @Test
  void shouldCountAddedPredictions() {
    ConfusionMatrix m = new ConfusionMatrix(LABELS);
    m.add(2, 2);
    m.add(2, 0);
    m.add(1, 1);

    assertThat(m.count(2, 0)).isEqualTo(1);
    assertThat(m.weightedAccuracy()).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void shouldRenderTablesAndMetricKeysThatAgree() {
    Map<View, ConfusionMatrix> views = new EnumMap<>(View.class);
    views.put(View.FUSED, ConfusionMatrix.of(LABELS, COUNTS));
    EvaluationReport report = new EvaluationReport("test", views);

    assertThat(MarkdownTables.summary(report)).contains("| audio+text | 75.0 | 60.0 |");
    assertThat(MarkdownTables.confusion(report.view(View.FUSED))).contains("| neutral | 8 | 1 | 1 | 0 | 80.0 |");
    assertThat(report.toMetrics()).containsEntry("test.fused.wa", 0.75).containsEntry("test.fused.ua", 0.6)
        .containsEntry("test.fused.n", 20.0).containsEntry("test.fused.recall.sad", 0.0);
    assertThat(SvgCharts.confusionMatrix(report.view(View.FUSED), "t")).startsWith("<svg").contains(">8 (80%)<");
  }
}
