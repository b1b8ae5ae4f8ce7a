package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code emostream bench --quick} end to end: its own in-process broker, the real dev registry,
 * the real app with a random-weight DJL model, every scenario measured and reported.
 */
class BenchCommandIT {

  private static final List<String> SCENARIOS = List.of("raw-consumer", "streams-floor", "streams-floor-store",
      "batching-1t", "batching-2t", "per-record-1t");

  @TempDir
  Path out;

  @Test
  void shouldMeasureEveryScenarioAndWriteTableAndJson() throws Exception {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cli = EmostreamTools.commandLine();
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));

    int exit = cli.execute("bench", "--quick", "--model", "random", "--threads", "1,2", "--out", out.toString());

    assertThat(exit).as("exit code; stderr:%n%s", stderr).isZero();
    assertThat(stdout.toString()).contains("| scenario |").contains(SCENARIOS)
        .contains("Batching / per-record").contains("Pipeline / raw consumer")
        .contains("Kafka Streams floor / raw consumer").contains("Pipeline / Kafka Streams floor")
        .contains("random-weight CrossModalEmotionNet");
    assertThat(stderr.toString()).as("progress lines").contains("[1/6 raw-consumer]").contains("utterances scored");
    assertThat(Files.readString(out.resolve("bench.md"))).contains(SCENARIOS);

    JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
    List<String> names = new ArrayList<>();
    json.get("scenarios").forEach(s -> names.add(s.get("name").asText()));
    assertThat(names).containsExactlyElementsOf(SCENARIOS);
    for (JsonNode scenario : json.get("scenarios")) {
      assertThat(scenario.at("/input/recordsPerSecond").asDouble()).as("%s records/s", names).isPositive();
      assertThat(scenario.at("/input/megabytesPerSecond").asDouble()).isPositive();
      assertThat(scenario.at("/resources/cpuSeconds").asDouble()).isPositive();
      assertThat(scenario.at("/resources/peakHeapMb").asDouble()).isPositive();
      assertThat(scenario.at("/resources/peakRssMb").asDouble()).isPositive();
    }
    for (JsonNode scenario : json.get("scenarios")) {
      if (scenario.get("name").asText().startsWith("raw-") || scenario.get("name").asText().startsWith("streams-")) {
        assertThat(scenario.get("pipeline").isNull()).isTrue();
        continue;
      }
      JsonNode p = scenario.get("pipeline");
      assertThat(p.get("complete").asBoolean()).as("%s scored everything", scenario.get("name")).isTrue();
      assertThat(p.get("scoredUtterances").asInt()).isEqualTo(8);
      assertThat(p.get("utterancesPerSecond").asDouble()).isPositive();
      assertThat(p.get("audioSecondsPerSecond").asDouble()).isPositive();
      assertThat(p.at("/latency/samples").asInt()).isEqualTo(8);
      assertThat(p.at("/latency/p50Ms").asDouble()).isPositive();
      assertThat(p.at("/latency/p99Ms").asDouble()).isGreaterThanOrEqualTo(p.at("/latency/p95Ms").asDouble())
          .isGreaterThanOrEqualTo(p.at("/latency/p50Ms").asDouble());
      assertThat(p.get("meanModelBatch").asDouble()).isGreaterThanOrEqualTo(1.0);
      assertThat(p.get("modelBatchSizes").size()).isPositive();
    }
    JsonNode perRecord = json.get("scenarios").get(5).get("pipeline");
    assertThat(perRecord.get("modelBatchSizes").fieldNames()).toIterable().containsOnly("1");
    assertThat(json.at("/ratios/batchingOverPerRecord").asDouble()).isPositive();
    assertThat(json.at("/ratios/pipelineOverRaw").asDouble()).isPositive();
    assertThat(json.at("/ratios/streamsFloorOverRaw").asDouble()).isPositive();
    assertThat(json.at("/ratios/pipelineOverStreamsFloor").asDouble()).isPositive();
  }
}
