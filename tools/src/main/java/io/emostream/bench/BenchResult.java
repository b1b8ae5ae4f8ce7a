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
 * @param inputFormat   how the calls sent audio ({@link InputFormat#id()})
 * @param modelAlone    the model alone on the same utterances, or null when not measured
 * @param capacity      the real-time capacity ramp, or null when not run
 */
public record BenchResult(String startedAt, Machine machine, int calls, int utterancesPerCall, Pace pace,
                          int partitions, String model, int modelThreads, int rounds,
                          Map<String, List<Double>> utterancesPerSecondByRound, List<ScenarioResult> scenarios,
                          Ratios ratios, String inputFormat, ModelAlone modelAlone, Capacity capacity) {

  public BenchResult(String startedAt, Machine machine, int calls, int utterancesPerCall, Pace pace, int partitions,
                     String model, int modelThreads, int rounds, Map<String, List<Double>> utterancesPerSecondByRound,
                     List<ScenarioResult> scenarios, Ratios ratios) {
    this(startedAt, machine, calls, utterancesPerCall, pace, partitions, model, modelThreads, rounds,
        utterancesPerSecondByRound, scenarios, ratios, InputFormat.PCM16K.id(), null, null);
  }

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
   * @param pipelineOverModel      the best pipeline's utterances/s ÷ the model alone's on the same utterances;
   *                               null when the model alone was not measured
   * @param streamsFloorOverRaw    input records/s of the Kafka Streams floor with a store write per record ÷ the
   *                               raw consumer's: the share any exactly-once Kafka Streams app keeps here; null
   *                               without both
   * @param pipelineOverStreamsFloor the best pipeline's input records/s ÷ that floor's: the share emostream's own
   *                               work keeps of it; null without both
   */
  public record Ratios(Double batchingOverPerRecord, String batchingScenario, String perRecordScenario,
                       Double pipelineOverRaw, String bestPipeline, Double pipelineOverModel,
                       Double streamsFloorOverRaw, Double pipelineOverStreamsFloor) {

    public Ratios(Double batchingOverPerRecord, String batchingScenario, String perRecordScenario,
                  Double pipelineOverRaw, String bestPipeline) {
      this(batchingOverPerRecord, batchingScenario, perRecordScenario, pipelineOverRaw, bestPipeline, null, null,
          null);
    }

    /** These ratios with pipeline ÷ model alone set. */
    public Ratios withPipelineOverModel(Double ratio) {
      return new Ratios(batchingOverPerRecord, batchingScenario, perRecordScenario, pipelineOverRaw, bestPipeline,
          ratio, streamsFloorOverRaw, pipelineOverStreamsFloor);
    }
  }

  /**
   * The model called directly, in full batches, on the utterances the pipeline scored.
   *
   * @param utterances          utterances scored
   * @param seconds             time in the model
   * @param utterancesPerSecond utterances over seconds
   * @param batchSize           utterances per call
   */
  public record ModelAlone(int utterances, double seconds, double utterancesPerSecond, int batchSize) {}

  /**
   * How many concurrent real-time calls one instance holds.
   *
   * @param calls   the most concurrent calls whose every utterance was scored with p99 latency within
   *                {@code p99LimitMs} (0 when even the first step failed)
   * @param p99Ms   that step's p99 latency
   * @param format  the input format of the calls ({@link InputFormat#id()})
   * @param steps   every step run, in order
   */
  public record Capacity(int calls, double p99Ms, String format, double p99LimitMs, List<Step> steps) {

    public Capacity {
      steps = List.copyOf(steps);
    }

    /**
     * @param calls     concurrent calls
     * @param complete  every utterance scored before the deadline
     * @param p99Ms     scored-utterance latency p99
     * @param lateP99Ms p99 of the last third of the step's utterances (a growing backlog shows here)
     * @param utterancesPerSecond scored utterances over the step's window
     * @param cpuPercent process CPU over the step
     * @param timeline  latency by slice of the step's traffic (warm-up or a growing backlog shows here)
     * @param cpuShares share of the process's CPU by thread group (broker: the in-process broker and
     *                  every Kafka client network thread; bench: the load generator), where it went
     */
    public record Step(int calls, boolean complete, double p99Ms, double lateP99Ms, double utterancesPerSecond,
                       double cpuPercent, List<ScenarioResult.Slice> timeline, Map<String, Double> cpuShares) {

      public Step {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        cpuShares = cpuShares == null ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cpuShares)); // largest first
      }
    }
  }
}
