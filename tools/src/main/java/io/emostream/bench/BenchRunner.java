package io.emostream.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.emostream.scoring.ScoringConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code emostream bench}: runs every scenario against one broker and registry, on fresh topics
 * and a fresh application id each, with the same synthetic calls, and collects the results.
 *
 * <p>Scenarios run one after another in one JVM: the raw-consumer baseline, the Kafka Streams
 * floor without and with a store write per record, batching at each
 * requested stream-thread count, then per-record inference at the first thread count; with
 * several rounds the pipeline scenarios repeat in rotated order and each reports its median run,
 * which keeps a shared machine's passing load from deciding a comparison. An
 * unmeasured warm-up pipeline runs first when asked, so the first measured scenario does not pay
 * for JIT compilation and PyTorch's first-call set-up alone.
 */
public final class BenchRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);
  private static final String MODEL_THREADS_PROPERTY = "emostream.model.threads";

  private BenchRunner() {}

  /** The scenarios {@code settings} asks for, in run order. */
  public static List<Scenario> scenarios(BenchSettings settings) {
    List<Scenario> out = new ArrayList<>();
    out.add(Scenario.rawConsumer());
    out.add(Scenario.streamsFloor(false));
    out.add(Scenario.streamsFloor(true));
    settings.threads().stream().distinct().forEach(t -> out.add(Scenario.batching(t)));
    out.add(Scenario.perRecord(settings.threads().get(0)));
    return out;
  }

  /** Runs the benchmark; progress goes to {@code err}. */
  public static BenchResult run(BenchSettings settings, PrintWriter err) {
    String startedAt = Instant.now().toString();
    BenchResult.Machine machine = machine();
    int modelThreads = applyModelThreads(settings.modelThreads());
    Progress progress = new Progress(err);
    List<Scenario> scenarios = scenarios(settings);
    String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    err.println("emostream bench: starting the in-process broker and the dev schema registry");
    err.flush();
    ProfileRecorder profiler = settings.profile() ? ProfileRecorder.start() : null;
    try (BenchEnvironment env = BenchEnvironment.start()) {
      BenchModel model = BenchModel.resolve(settings.model(), env.workDir());
      err.println("emostream bench: model: " + model.description() + "; PyTorch threads: " + modelThreads);
      if (!settings.appSettings().isEmpty()) {
        err.println("emostream bench: app settings for every pipeline scenario: " + settings.appSettings());
      }
      List<SyntheticCall> calls = SyntheticCalls.generate("call-", settings.calls(), settings.utterancesPerCall(),
          settings.seed(), settings.format());
      err.println("emostream bench: input format " + settings.format().id() + ", " + calls.size() + " calls");
      PipelineRun pipeline = new PipelineRun(env, settings, model, calls, progress);
      List<Scenario> pipelines = scenarios.stream().filter(sc -> !sc.raw()).toList();
      Map<String, List<ScenarioResult>> byScenario = new LinkedHashMap<>();
      List<Scenario> order = new ArrayList<>(scenarios.stream().filter(Scenario::raw).toList());
      for (int round = 0; round < settings.rounds(); round++) {
        // rotated per round, so no scenario always runs first or last while the machine's load drifts
        List<Scenario> rotated = new ArrayList<>(pipelines);
        Collections.rotate(rotated, -round);
        order.addAll(rotated);
      }
      int total = order.size() + (settings.warmup() ? 1 : 0);
      int index = 0;
      if (settings.warmup()) {
        progress.scenario(++index, total, "warm-up (not measured)");
        List<SyntheticCall> few = SyntheticCalls.generate("warmup-", Math.min(2, settings.calls()),
            Math.min(6, settings.utterancesPerCall()), settings.seed() + 1, settings.format());
        new PipelineRun(env, settings, model, few, progress).run(Scenario.batching(1), runId + "warmup.");
        progress.finish("done");
      }
      for (Scenario scenario : order) {
        List<ScenarioResult> done = byScenario.computeIfAbsent(scenario.name(), k -> new ArrayList<>());
        String label = scenario.name() + (settings.rounds() > 1 && !scenario.raw() ? " round " + (done.size() + 1) : "");
        progress.scenario(++index, total, label);
        String prefix = runId + scenario.name() + "-" + done.size() + ".";
        ScenarioResult result = scenario.raw()
            ? new RawRun(env, settings, calls, progress).run(scenario, prefix)
            : pipeline.run(scenario, prefix);
        done.add(result);
        progress.finish(summary(result));
        LOG.info("Benchmark scenario {} done: {}", label, summary(result));
      }
      List<ScenarioResult> results = new ArrayList<>();
      Map<String, List<Double>> perRound = new LinkedHashMap<>();
      for (Scenario scenario : scenarios) {
        List<ScenarioResult> runs = byScenario.get(scenario.name());
        results.add(median(runs));
        if (!scenario.raw()) {
          perRound.put(scenario.name(), runs.stream().map(r -> r.pipeline().utterancesPerSecond()).toList());
        }
      }
      progress.scenario(index, total, "model alone on the same utterances");
      ModelAloneRun.Result alone = ModelAloneRun.run(model, calls, ScoringConfig.from(Map.of()).maxBatch());
      BenchResult.ModelAlone modelAlone = new BenchResult.ModelAlone(alone.utterances(), alone.seconds(),
          alone.utterancesPerSecond(), alone.batchSize());
      progress.finish(String.format(java.util.Locale.ROOT, "%.1f utterances/s", alone.utterancesPerSecond()));
      BenchResult.Capacity capacity = settings.capacitySteps().isEmpty() ? null : capacity(env, settings, model, progress, runId);
      return new BenchResult(startedAt, machine, settings.calls(), settings.utterancesPerCall(), settings.pace(),
          settings.partitions(), model.description(), modelThreads, settings.rounds(), perRound, results,
          withModelRatio(ratios(results, settings), results, modelAlone), settings.format().id(), modelAlone,
          capacity);
    } finally {
      if (profiler != null) {
        profiler.stopAndReport(settings.out(), err);
      }
    }
  }

  /** Limit on the scored-utterance p99 latency for a capacity step to pass. */
  static final double CAPACITY_P99_LIMIT_MS = 1_000;

  /**
   * Ramps concurrent real-time telephony calls through {@code settings.capacitySteps()}, stopping at
   * the first step that misses an utterance or whose p99 (overall, or of its last third: a growing
   * backlog) exceeds {@link #CAPACITY_P99_LIMIT_MS}.
   */
  static BenchResult.Capacity capacity(BenchEnvironment env, BenchSettings settings, BenchModel model,
                                       Progress progress, String runId) {
    List<BenchResult.Capacity.Step> steps = new ArrayList<>();
    int best = 0;
    double bestP99 = 0;
    int index = 0;
    for (int calls : settings.capacitySteps()) {
      BenchSettings step = settings.forCapacityStep(calls);
      progress.scenario(++index, settings.capacitySteps().size(), "capacity: " + calls + " real-time calls ("
          + step.format().id() + ", " + settings.capacitySeconds() + " s)");
      List<SyntheticCall> stepCalls = SyntheticCalls.generate("cap" + calls + "-", calls, step.utterancesPerCall(),
          settings.seed(), step.format());
      ScenarioResult r = new PipelineRun(env, step, model, stepCalls, progress)
          .run(Scenario.batching(settings.threads().get(0)), runId + "capacity-" + calls + ".");
      var p = r.pipeline();
      boolean ok = p.complete() && p.latency().p99Ms() <= CAPACITY_P99_LIMIT_MS
          && p.lateLatency().p99Ms() <= CAPACITY_P99_LIMIT_MS;
      steps.add(new BenchResult.Capacity.Step(calls, p.complete(), p.latency().p99Ms(), p.lateLatency().p99Ms(),
          p.utterancesPerSecond(), r.resources().cpuPercent(), p.timeline(), shares(r.resources())));
      progress.finish(String.format(java.util.Locale.ROOT, "%s: p99 %.0f ms (last third %.0f ms), %d/%d scored;"
          + " p99 by %d s: %s", ok ? "holds" : "fails", p.latency().p99Ms(), p.lateLatency().p99Ms(),
          p.scoredUtterances(), p.expectedUtterances(), PipelineRun.SLICE_SECONDS, BenchReport.p99s(p.timeline())));
      if (!ok) {
        break;
      }
      best = calls;
      bestP99 = p.latency().p99Ms();
    }
    return new BenchResult.Capacity(best, bestP99, InputFormat.TELEPHONY.id(), CAPACITY_P99_LIMIT_MS, steps);
  }

  /** Each thread group's share of the CPU the process used, largest first. */
  static Map<String, Double> shares(ResourceSampler.Usage usage) {
    double total = usage.threadCpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> out = new LinkedHashMap<>();
    usage.threadCpuSeconds().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> out.put(e.getKey(), total <= 0 ? 0 : e.getValue() / total));
    return out;
  }

  /** Adds pipeline ÷ model alone: the fastest pipeline's utterances/s over the model's on the same utterances. */
  static BenchResult.Ratios withModelRatio(BenchResult.Ratios ratios, List<ScenarioResult> results,
                                           BenchResult.ModelAlone alone) {
    Double ratio = results.stream().filter(r -> r.pipeline() != null)
        .mapToDouble(r -> r.pipeline().utterancesPerSecond()).max().stream()
        .mapToObj(best -> alone.utterancesPerSecond() > 0 ? best / alone.utterancesPerSecond() : null)
        .findFirst().orElse(null);
    return ratios.withPipelineOverModel(ratio);
  }

  /** The run with the median utterances/s (the upper one of an even count); the baseline runs once. */
  static ScenarioResult median(List<ScenarioResult> runs) {
    if (runs.get(0).pipeline() == null) {
      return runs.get(0);
    }
    List<ScenarioResult> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(r -> r.pipeline().utterancesPerSecond()));
    return sorted.get(sorted.size() / 2);
  }

  private static String summary(ScenarioResult r) {
    if (r.pipeline() == null) {
      return String.format(java.util.Locale.ROOT, "%.0f records/s, %.1f MB/s", r.input().recordsPerSecond(),
          r.input().megabytesPerSecond());
    }
    return String.format(java.util.Locale.ROOT, "%d/%d utterances, %.1f utterances/s, p95 %.0f ms%s",
        r.pipeline().scoredUtterances(), r.pipeline().expectedUtterances(), r.pipeline().utterancesPerSecond(),
        r.pipeline().latency().p95Ms(), r.pipeline().complete() ? "" : " (INCOMPLETE: timed out)");
  }

  static BenchResult.Ratios ratios(List<ScenarioResult> results, BenchSettings settings) {
    int threads = settings.threads().get(0);
    Optional<ScenarioResult> batching = find(results, Scenario.batching(threads).name());
    Optional<ScenarioResult> perRecord = find(results, Scenario.perRecord(threads).name());
    Double batchingRatio = batching.isPresent() && perRecord.isPresent()
        && perRecord.get().pipeline().utterancesPerSecond() > 0
        ? batching.get().pipeline().utterancesPerSecond() / perRecord.get().pipeline().utterancesPerSecond()
        : null;
    Optional<ScenarioResult> raw = find(results, Scenario.RAW);
    Optional<ScenarioResult> floor = find(results, Scenario.FLOOR_STORE);
    Optional<ScenarioResult> best = results.stream().filter(r -> r.pipeline() != null)
        .max(Comparator.comparingDouble(r -> r.input().recordsPerSecond()));
    return new BenchResult.Ratios(batchingRatio, Scenario.batching(threads).name(), Scenario.perRecord(threads).name(),
        inputRatio(best, raw), best.map(ScenarioResult::name).orElse(null), null, inputRatio(floor, raw),
        inputRatio(best, floor));
  }

  /** {@code over}'s input records/s ÷ {@code under}'s; null when either is missing or empty. */
  private static Double inputRatio(Optional<ScenarioResult> over, Optional<ScenarioResult> under) {
    return over.isPresent() && under.isPresent() && under.get().input().recordsPerSecond() > 0
        ? over.get().input().recordsPerSecond() / under.get().input().recordsPerSecond()
        : null;
  }

  private static Optional<ScenarioResult> find(List<ScenarioResult> results, String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * Sets PyTorch's intra-op threads unless the user already chose them; returns the count in effect
   * (the engine reads it once per JVM, so an earlier choice in this JVM wins).
   */
  private static int applyModelThreads(int wanted) {
    if (System.getProperty(MODEL_THREADS_PROPERTY) == null) {
      System.setProperty(MODEL_THREADS_PROPERTY, String.valueOf(wanted));
    }
    String effective = Optional.ofNullable(System.getProperty("ai.djl.pytorch.num_threads"))
        .orElse(System.getProperty(MODEL_THREADS_PROPERTY));
    try {
      return Integer.parseInt(effective.trim());
    } catch (NumberFormatException e) {
      return wanted;
    }
  }

  private static BenchResult.Machine machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return new BenchResult.Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"), Runtime.version().toString(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), Math.max(0, os.getSystemLoadAverage()));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(System.getProperty("os.arch"));
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }
}
