package io.emostream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRunnerTest {

  private static BenchSettings settings(List<Integer> threads) {
    return new BenchSettings(2, 4, Pace.FAST, "random", threads, Path.of("out"), 4, 1, 1, false, 42);
  }

  @Test
  void shouldRunBaselinesThenBatchingPerThreadCountThenPerRecord() {
    assertThat(BenchRunner.scenarios(settings(List.of(1, 2)))).extracting(Scenario::name)
        .containsExactly("raw-consumer", "streams-floor", "streams-floor-store", "batching-1t", "batching-2t",
            "per-record-1t");
  }

  @Test
  void shouldTurnOffBatchingInBothTheScorerAndTheSharedBatcherForPerRecord() {
    Scenario perRecord = Scenario.perRecord(1);

    assertThat(perRecord.settings()).containsEntry("inference.max-batch", "1").containsEntry("inference.max-delay", "0ms")
        .containsEntry("num.stream.threads", "1").doesNotContainKey("model.batch.max");
    assertThat(Scenario.batching(2).settings()).containsEntry("inference.max-batch", "32")
        .containsEntry("inference.max-delay", "20ms").containsEntry("num.stream.threads", "2")
        .doesNotContainKey("model.batch.max");
  }

  @Test
  void shouldCompareBatchingWithPerRecordAndTheFastestPipelineWithTheRawConsumer() {
    var usage = new ResourceSampler.Usage(1, 50, 100, 200);
    var raw = new ScenarioResult("raw-consumer", "", 0, 0, ScenarioResult.Throughput.of(8_000, 1, 1), null, usage);
    var b1 = pipeline("batching-1t", 1_000, 30);
    var b2 = pipeline("batching-2t", 2_000, 45);
    var p1 = pipeline("per-record-1t", 500, 10);

    BenchResult.Ratios ratios = BenchRunner.ratios(List.of(raw, b1, b2, p1), settings(List.of(1, 2)));

    assertThat(ratios.batchingOverPerRecord()).isEqualTo(3.0);
    assertThat(ratios.bestPipeline()).isEqualTo("batching-2t");
    assertThat(ratios.pipelineOverRaw()).isEqualTo(0.25);
    assertThat(ratios.streamsFloorOverRaw()).isNull();
  }

  @Test
  void shouldSplitPipelineOverRawIntoKafkaStreamsShareAndEmostreamsShare() {
    var usage = new ResourceSampler.Usage(1, 50, 100, 200);
    var raw = new ScenarioResult("raw-consumer", "", 0, 0, ScenarioResult.Throughput.of(8_000, 1, 1), null, usage);
    var floor = new ScenarioResult("streams-floor", "", 1, 0, ScenarioResult.Throughput.of(6_000, 1, 1), null, usage);
    var floorStore = new ScenarioResult("streams-floor-store", "", 1, 0, ScenarioResult.Throughput.of(4_000, 1, 1),
        null, usage);
    var b1 = pipeline("batching-1t", 1_000, 30);

    BenchResult.Ratios ratios = BenchRunner.ratios(List.of(raw, floor, floorStore, b1), settings(List.of(1)));

    assertThat(ratios.pipelineOverRaw()).isEqualTo(0.125);
    assertThat(ratios.streamsFloorOverRaw()).isEqualTo(0.5);
    assertThat(ratios.pipelineOverStreamsFloor()).isEqualTo(0.25);
  }

  @Test
  void shouldReportTheMedianRoundOfAPipelineScenario() {
    var slow = pipeline("batching-1t", 100, 5);
    var middle = pipeline("batching-1t", 100, 9);
    var fast = pipeline("batching-1t", 100, 30);

    assertThat(BenchRunner.median(List.of(fast, slow, middle))).isSameAs(middle);
  }

  @Test
  void shouldRejectBadSettingsNamingTheOption() {
    assertThatThrownBy(() -> settings(List.of(0))).hasMessageContaining("--threads");
    assertThatThrownBy(() -> new BenchSettings(1, 1, Pace.FAST, "random", List.of(1), Path.of("o"), 1, 1, 0, false, 1))
        .hasMessageContaining("--rounds");
    assertThatThrownBy(() -> Pace.parse("slow")).hasMessageContaining("'slow'").hasMessageContaining("realtime or fast");
    assertThat(Pace.parse("RealTime")).isEqualTo(Pace.REALTIME);
  }

  @Test
  void shouldFitModelThreadsNextToTheMostStreamThreads() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(BenchSettings.defaultModelThreads(List.of(1, 2))).isEqualTo(Math.max(1, cores - 2));
    assertThat(BenchSettings.defaultModelThreads(List.of(1))).isEqualTo(Math.max(1, cores - 1));
  }

  private static ScenarioResult pipeline(String name, double recordsPerSecond, double utterancesPerSecond) {
    return new ScenarioResult(name, "", 1, 16, ScenarioResult.Throughput.of((long) recordsPerSecond, 1, 1),
        new ScenarioResult.PipelineFigures(1, 1, true, utterancesPerSecond, 1, ScenarioResult.Latency.of(new long[] {1}),
            new java.util.TreeMap<>(), 1, 1, new java.util.TreeMap<>()), new ResourceSampler.Usage(1, 1, 1, 1));
  }
}
