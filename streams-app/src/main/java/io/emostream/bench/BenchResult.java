package io.emostream.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code emostream bench} run measured, as written to {@code bench.json}.
 *
 * @param startedAt     ISO-8601 start time
 * @param machine       where it ran
 * @param calls         concurrent calls
 * @param utterancesPerCall lines per call
 * @param pace          {@code REALTIME} or {@code FAST}
 * @param partitions    partitions per topic
 * @param model         which model scored, in words
 * @param modelThreads  PyTorch intra-op threads in effect
 * @param rounds        times each pipeline scenario ran; {@code scenarios} holds each one's median run
 * @param utterancesPerSecondByRound every round's utterances/s per pipeline scenario, in run order
 * @param scenarios     results in run order, the baseline first
 * @param ratios        the headline comparisons
 */
public record BenchResult(String startedAt, Machine machine, int calls, int utterancesPerCall, Pace pace,
                          int partitions, String model, int modelThreads, int rounds,
                          Map<String, List<Double>> utterancesPerSecondByRound, List<ScenarioResult> scenarios,
                          Ratios ratios) {

  public BenchResult {
    utterancesPerSecondByRound = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
        utterancesPerSecondByRound));
    scenarios = List.copyOf(scenarios);
  }

  /**
   * @param cores          processors the JVM sees
   * @param cpu            CPU model from /proc/cpuinfo, or the architecture
   * @param os             operating system and version
   * @param java           Java runtime version
   * @param maxHeapMb      the JVM's heap limit
   * @param loadAverage    one-minute load average when the run started (other work on the machine)
   */
  public record Machine(int cores, String cpu, String os, String java, long maxHeapMb, double loadAverage) {}

  /**
   * @param batchingOverPerRecord  utterances/s with batching ÷ per-record, at the per-record thread count;
   *                               null when either did not run
   * @param batchingScenario       the batching scenario that ratio uses
   * @param perRecordScenario      the per-record scenario that ratio uses
   * @param pipelineOverRaw        the best pipeline's input records/s ÷ the raw consumer's; null without both
   * @param bestPipeline           the scenario that ratio uses
   */
  public record Ratios(Double batchingOverPerRecord, String batchingScenario, String perRecordScenario,
                       Double pipelineOverRaw, String bestPipeline) {}
}
