package io.emostream.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.torchscript.TorchScriptEmotionModel;
import io.emostream.model.torchscript.TorchScriptFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelBenchmarkIT {

  @Test
  void shouldMeasureEveryLengthAndBatchSizeAndPrintAMarkdownTable() {
    ModelBenchmark.Settings settings = new ModelBenchmark.Settings(List.of(2.0, 5.0), List.of(1, 4), 1, 0.05, 2);

    BenchmarkResult result = ModelBenchmark.run(
        () -> TorchScriptEmotionModel.load(TorchScriptFixture.bundleDir(), DeviceSpec.CPU), settings);

    assertThat(result.rows()).hasSize(4);
    assertThat(result.rows()).allSatisfy(row -> {
      assertThat(row.batches()).isGreaterThanOrEqualTo(2);
      assertThat(row.utterancesPerSecond()).isPositive();
      assertThat(row.audioSecondsPerSecond()).isCloseTo(row.utterancesPerSecond() * row.audioSeconds(),
          org.assertj.core.api.Assertions.within(1e-6));
    });
    assertThat(result.toMarkdown())
        .contains("Model torchscript-fixture 1.0.0 on cpu()")
        .contains("| audio/utt | batch | batches | utt/s | audio-s/s | ms/batch |")
        .contains("| 5 s | 4 |");
  }
}
