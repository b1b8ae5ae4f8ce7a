package io.emostream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @TempDir
  Path dir;

  @Test
  void shouldTakeNearestRankPercentiles() {
    long[] millis = new long[100];
    for (int i = 0; i < 100; i++) {
      millis[i] = 100 - i; // unsorted on purpose
    }
    ScenarioResult.Latency latency = ScenarioResult.Latency.of(millis);

    assertThat(latency.samples()).isEqualTo(100);
    assertThat(latency.p50Ms()).isEqualTo(50);
    assertThat(latency.p95Ms()).isEqualTo(95);
    assertThat(latency.p99Ms()).isEqualTo(99);
    assertThat(latency.maxMs()).isEqualTo(100);
  }

  @Test
  void shouldReportZeroLatencyWhenNothingWasScored() {
    assertThat(ScenarioResult.Latency.of(new long[0])).isEqualTo(new ScenarioResult.Latency(0, 0, 0, 0, 0));
  }

  @Test
  void shouldGroupModelBatchSizesIntoPowerOfTwoBuckets() {
    TreeMap<Integer, Long> sizes = new TreeMap<>();
    sizes.put(1, 5L);
    sizes.put(2, 1L);
    sizes.put(3, 2L);
    sizes.put(16, 4L);
    sizes.put(40, 1L);

    assertThat(BenchReport.buckets(sizes)).isEqualTo("1:5 2-3:3 16-31:4 32+:1");
    assertThat(BenchReport.buckets(new TreeMap<>())).isEqualTo("none");
  }

  @Test
  void shouldRenderEveryScenarioTheRatiosAndAnIncompleteMarker() {
    BenchResult result = sample(false);

    String md = BenchReport.markdown(result);

    assertThat(md).contains("| raw-consumer |", "| batching-1t |", "| per-record-1t (3/4 scored) |")
        .contains("**Batching / per-record** (utterances/s, batching-1t vs per-record-1t): **2.00x**")
        .contains("**Pipeline / raw consumer** (input records/s, batching-1t): **0.100**")
        .contains("400 / 900 / 990").contains("8.0 (8-15:2)")
        .contains("ran 3 times in rotated order").contains("batching-1t 18.0, 20.0, 25.0");
  }

  @Test
  void shouldSayWhenAScenarioDeadLetteredInputAndStaySilentWhenNone() {
    var lost = new ScenarioResult.PipelineFigures(4, 4, true, 20, 60, new ScenarioResult.Latency(4, 400, 900, 990, 990),
        new TreeMap<>(), 1.0, 10, new TreeMap<>(), ScenarioResult.Latency.of(new long[] {1}), null, List.of(), 939);
    BenchResult clean = sample(true);
    List<ScenarioResult> scenarios = new java.util.ArrayList<>(clean.scenarios());
    scenarios.set(1, new ScenarioResult("batching-1t", "batching", 1, 16,
        ScenarioResult.Throughput.of(1_000, 5L << 20, 1.0), lost, clean.scenarios().get(1).resources()));
    BenchResult withLoss = result(scenarios);

    assertThat(BenchReport.markdown(clean)).doesNotContain("Dead-lettered");
    assertThat(BenchReport.markdown(withLoss)).contains("**Dead-lettered, batching-1t: 939 records**");
  }

  @Test
  void shouldWriteMarkdownAndJsonThatReadBack() throws Exception {
    BenchReport.write(sample(true), dir.resolve("out"));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/bench.json").toFile());
    assertThat(json.at("/scenarios/1/pipeline/latency/p95Ms").asDouble()).isEqualTo(900);
    assertThat(json.at("/scenarios/0/pipeline").isNull()).isTrue();
    assertThat(json.at("/ratios/batchingOverPerRecord").asDouble()).isEqualTo(2.0);
    assertThat(dir.resolve("out/bench.md")).content().contains("| batching-1t |");
  }

  @Test
  void shouldShowEachCapacityStepsTimelineAndWhereTheCpuWent() throws Exception {
    BenchResult base = sample(true);
    var slices = List.of(new ScenarioResult.Slice(0, new ScenarioResult.Latency(40, 300, 900, 1448, 1500)),
        new ScenarioResult.Slice(10, new ScenarioResult.Latency(40, 200, 250, 288, 300)));
    var shares = new java.util.LinkedHashMap<String, Double>();
    shares.put("broker", 0.45);
    shares.put("stream", 0.30);
    var step = new BenchResult.Capacity.Step(100, true, 850, 789, 22.6, 75, slices, shares);
    BenchResult result = new BenchResult(base.startedAt(), base.machine(), base.calls(), base.utterancesPerCall(),
        base.pace(), base.partitions(), base.model(), base.modelThreads(), base.rounds(),
        base.utterancesPerSecondByRound(), base.scenarios(), base.ratios(), "mulaw8k-20ms", null,
        new BenchResult.Capacity(100, 850, "mulaw8k-20ms", 1000, List.of(step)));

    BenchReport.write(result, dir.resolve("cap"));

    assertThat(dir.resolve("cap/bench.md")).content()
        .contains("| 100 | yes | 850 | 789 | 22.6 | 75 | broker 45%, stream 30% | 1448, 288 |");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("cap/bench.json").toFile());
    assertThat(json.at("/capacity/steps/0/timeline/1/fromSecond").asInt()).isEqualTo(10);
    assertThat(json.at("/capacity/steps/0/cpuShares/broker").asDouble()).isEqualTo(0.45);
  }

  private static BenchResult sample(boolean perRecordComplete) {
    var usage = new ResourceSampler.Usage(1.5, 60, 300, 900);
    var raw = new ScenarioResult("raw-consumer", "raw", 0, 0, ScenarioResult.Throughput.of(10_000, 50L << 20, 1.0),
        null, usage);
    TreeMap<Integer, Long> batches = new TreeMap<>();
    batches.put(8, 2L);
    var batching = new ScenarioResult("batching-1t", "batching", 1, 16, ScenarioResult.Throughput.of(1_000, 5L << 20, 1.0),
        new ScenarioResult.PipelineFigures(4, 4, true, 20, 60, new ScenarioResult.Latency(4, 400, 900, 990, 990),
            batches, 8.0, 120, new TreeMap<>()), usage);
    TreeMap<Integer, Long> ones = new TreeMap<>();
    ones.put(1, 3L);
    var perRecord = new ScenarioResult("per-record-1t", "per record", 1, 1, ScenarioResult.Throughput.of(500, 5L << 20, 2.0),
        new ScenarioResult.PipelineFigures(4, perRecordComplete ? 4 : 3, perRecordComplete, 10, 30,
            new ScenarioResult.Latency(3, 800, 1900, 1990, 1990), ones, 1.0, 40, new TreeMap<>()), usage);
    return result(List.of(raw, batching, perRecord));
  }

  private static BenchResult result(List<ScenarioResult> scenarios) {
    var machine = new BenchResult.Machine(2, "test cpu", "Linux", "17", 4096, 0.5);
    return new BenchResult("2026-01-01T00:00:00Z", machine, 1, 4, Pace.FAST, 4, "random", 1, 3,
        java.util.Map.of("batching-1t", List.of(18.0, 20.0, 25.0)), scenarios,
        new BenchResult.Ratios(2.0, "batching-1t", "per-record-1t", 0.1, "batching-1t"));
  }
}
