package io.emostream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Renders a {@link BenchResult} as the Markdown table the README quotes and as JSON, and writes
 * both ({@code bench.md}, {@code bench.json}) to the output directory.
 */
public final class BenchReport {

  /** Upper bounds (inclusive) of the batch-size buckets in the table; the JSON has every size. */
  private static final int[] BUCKETS = {1, 3, 7, 15, 31, Integer.MAX_VALUE};
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchReport() {}

  /** Writes {@code bench.md} and {@code bench.json} into {@code dir} (created if missing). */
  public static void write(BenchResult result, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("bench.md"), markdown(result), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("bench.json"), json(result), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the benchmark results to " + dir.toAbsolutePath()
          + ": " + e.getMessage() + "; choose a writable --out directory", e);
    }
  }

  /** The result as indented JSON. */
  public static String json(BenchResult result) {
    try {
      return JSON.writeValueAsString(result) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the benchmark result as JSON", e);
    }
  }

  /** The result as a Markdown section: set-up, the table, the ratios and how to read them. */
  public static String markdown(BenchResult r) {
    StringBuilder md = new StringBuilder();
    BenchResult.Machine m = r.machine();
    md.append(f("### emostream bench: %d calls x %d utterances, pace %s, %d partitions per topic%n%n",
        r.calls(), r.utterancesPerCall(), r.pace().name().toLowerCase(Locale.ROOT), r.partitions()));
    md.append(f("- Machine: %d cores (%s), %s, Java %s, max heap %d MB, load average %.2f at start%n",
        m.cores(), m.cpu(), m.os(), m.java(), m.maxHeapMb(), m.loadAverage()));
    md.append(f("- Model: %s; PyTorch intra-op threads: %d%n", r.model(), r.modelThreads()));
    if (r.rounds() > 1) {
      StringBuilder rounds = new StringBuilder();
      r.utterancesPerSecondByRound().forEach((name, values) -> rounds.append(rounds.length() == 0 ? "" : "; ")
          .append(name).append(' ').append(values.stream().map(v -> f("%.1f", v))
              .collect(java.util.stream.Collectors.joining(", "))));
      md.append(f("- Each pipeline scenario ran %d times in rotated order; the table shows its median run "
          + "(utterances/s per round: %s)%n", r.rounds(), rounds));
    }
    md.append('\n');
    md.append("| scenario | stream threads | utterances/s | audio s/s | input records/s | input MB/s | x raw "
        + "| e2e latency p50 / p95 / p99 (ms) | model calls: mean batch (sizes) | mean model ms | CPU % | peak heap MB | peak RSS MB |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
    double raw = r.scenarios().stream().filter(s -> s.name().equals(Scenario.RAW))
        .mapToDouble(s -> s.input().recordsPerSecond()).findFirst().orElse(0);
    for (ScenarioResult s : r.scenarios()) {
      md.append(row(s, raw)).append('\n');
    }
    md.append('\n');
    BenchResult.Ratios ratios = r.ratios();
    if (ratios.batchingOverPerRecord() != null) {
      md.append(f("- **Batching / per-record** (utterances/s, %s vs %s): **%.2fx**%n",
          ratios.batchingScenario(), ratios.perRecordScenario(), ratios.batchingOverPerRecord()));
    }
    if (ratios.pipelineOverRaw() != null) {
      md.append(f("- **Pipeline / raw consumer** (input records/s, %s): **%.3f** (the broker alone delivers %.0fx "
          + "what the pipeline processes)%n", ratios.bestPipeline(), ratios.pipelineOverRaw(),
          1 / ratios.pipelineOverRaw()));
    }
    if (ratios.streamsFloorOverRaw() != null) {
      md.append(f("- **Kafka Streams floor / raw consumer** (input records/s, %s): **%.3f**: what an exactly-once "
          + "Kafka Streams app that only puts each record in a store keeps of the broker's delivery here%n",
          Scenario.FLOOR_STORE, ratios.streamsFloorOverRaw()));
    }
    if (ratios.pipelineOverStreamsFloor() != null) {
      md.append(f("- **Pipeline / Kafka Streams floor** (input records/s, %s vs %s): **%.3f**: what emostream's own "
          + "work per record keeps of that%n", ratios.bestPipeline(), Scenario.FLOOR_STORE,
          ratios.pipelineOverStreamsFloor()));
    }
    if (ratios.pipelineOverModel() != null && r.modelAlone() != null) {
      md.append(f("- **Pipeline / model alone** (utterances/s, fastest pipeline vs the model called directly in "
          + "batches of %d on the same %d utterances, %.1f utterances/s): **%.2f**%n", r.modelAlone().batchSize(),
          r.modelAlone().utterances(), r.modelAlone().utterancesPerSecond(), ratios.pipelineOverModel()));
    }
    md.append(f("- Input format: %s%n", r.inputFormat()));
    for (ScenarioResult s : r.scenarios()) {
      if (s.resources() != null && !s.resources().threadCpuSeconds().isEmpty()) {
        StringBuilder groups = new StringBuilder();
        s.resources().threadCpuSeconds().forEach((g, sec) -> groups.append(groups.length() == 0 ? "" : ", ")
            .append(f("%s %.1f s", g, sec)));
        md.append(f("- CPU by thread group, %s: %s; GC %.2f s%n", s.name(), groups, s.resources().gcSeconds()));
      }
    }
    for (ScenarioResult s : r.scenarios()) {
      if (s.pipeline() != null && s.pipeline().changelogWrites() != null) {
        ScenarioResult.ChangelogWrites w = s.pipeline().changelogWrites();
        md.append(f("- Changelog writes, %s: %,d records (%.2f per input record), %.1f MiB (%.0f bytes per input "
            + "record)%n", s.name(), w.records(), w.perInputRecord(), w.bytes() / 1048576.0, w.bytesPerInputRecord()));
      }
    }
    for (ScenarioResult s : r.scenarios()) {
      if (s.pipeline() != null && s.pipeline().deadLetters() > 0) {
        md.append(f("- **Dead-lettered, %s: %,d records**: input the app rejected, so its figures are not of the "
            + "whole input (the log gives each record's reason)%n", s.name(), s.pipeline().deadLetters()));
      }
    }
    if (r.capacity() != null) {
      BenchResult.Capacity c = r.capacity();
      md.append(f("%n**Capacity** (%s, real-time pace, pass = every utterance scored and p99 <= %.0f ms, also over "
          + "the last third): **%d concurrent calls** (p99 %.0f ms)%n%n", c.format(), c.p99LimitMs(), c.calls(), c.p99Ms()));
      md.append(f("| calls | complete | p99 ms | p99 last third ms | utterances/s | CPU %% | CPU by thread group "
          + "| p99 ms by %d s of traffic |%n|---:|---|---:|---:|---:|---:|---|---|%n", PipelineRun.SLICE_SECONDS));
      for (BenchResult.Capacity.Step st : c.steps()) {
        String groups = st.cpuShares().entrySet().stream().map(e -> f("%s %.0f%%", e.getKey(), 100 * e.getValue()))
            .collect(java.util.stream.Collectors.joining(", "));
        md.append(f("| %d | %s | %.0f | %.0f | %.1f | %.0f | %s | %s |%n", st.calls(), st.complete() ? "yes" : "NO",
            st.p99Ms(), st.lateP99Ms(), st.utterancesPerSecond(), st.cpuPercent(), groups, p99s(st.timeline())));
      }
      md.append("\nCPU by thread group: broker counts the in-process broker and every Kafka client's network "
          + "thread; bench is the load generator; prepare and model are the batcher's threads.\n");
      md.append('\n');
    }
    if (r.pace() == Pace.REALTIME) {
      md.append("- Pace realtime feeds the pipeline only the live input rate, so both ratios measure offered load, "
          + "not capacity: run with --pace fast for capacity.\n");
    }
    md.append("\nWindow: broker append of the first input record to broker append of the last scored utterance "
        + "(start-up excluded). Latency: append time of an utterance's final transcript to append time of its "
        + "scored record (topics use LogAppendTime; exactly-once commit adds up to commit.interval.ms before "
        + "consumers see it). ");
    md.append(r.pace() == Pace.FAST
        ? "Pace fast: all input is published at once, so latency includes waiting behind the backlog. "
        : "Pace realtime: records are published when a live call would produce them, so throughput is bounded "
            + "by the offered load and latency is the steady-state figure. ");
    md.append("CPU and memory are for the whole JVM (app, in-process broker, load generator; not the registry's "
        + "child JVM); CPU % is of all cores. Raw consumer: one consumer reading the input as bytes, median of "
        + "3 reads.\n");
    return md.toString();
  }

  private static String row(ScenarioResult s, double raw) {
    ResourceSampler.Usage u = s.resources();
    String resources = f("%.0f | %.0f | %.0f", u.cpuPercent(), u.peakHeapMb(), u.peakRssMb());
    if (s.pipeline() == null) {
      return f("| %s | %s | - | - | %,.0f | %.1f | %s | - | - | - | %s |", s.name(),
          s.streamThreads() == 0 ? "-" : String.valueOf(s.streamThreads()), s.input().recordsPerSecond(),
          s.input().megabytesPerSecond(), raw > 0 ? f("%.3f", s.input().recordsPerSecond() / raw) : "-", resources);
    }
    ScenarioResult.PipelineFigures p = s.pipeline();
    ScenarioResult.Latency l = p.latency();
    return f("| %s%s | %d | %.1f | %.1f | %,.0f | %.2f | %s | %.0f / %.0f / %.0f | %.1f (%s) | %.0f | %s |",
        s.name(), p.complete() ? "" : f(" (%d/%d scored)", p.scoredUtterances(), p.expectedUtterances()),
        s.streamThreads(), p.utterancesPerSecond(), p.audioSecondsPerSecond(), s.input().recordsPerSecond(),
        s.input().megabytesPerSecond(), raw > 0 ? f("%.3f", s.input().recordsPerSecond() / raw) : "-",
        l.p50Ms(), l.p95Ms(), l.p99Ms(), p.meanModelBatch(), buckets(p.modelBatchSizes()), p.meanModelMillis(),
        resources);
  }

  /** {@code 1:5 2-3:2 8-15:4}: model calls per batch-size bucket. */
  static String buckets(SortedMap<Integer, Long> sizes) {
    long[] counts = new long[BUCKETS.length];
    for (Map.Entry<Integer, Long> e : sizes.entrySet()) {
      int b = 0;
      while (e.getKey() > BUCKETS[b]) {
        b++;
      }
      counts[b] += e.getValue();
    }
    StringBuilder out = new StringBuilder();
    int low = 1;
    for (int b = 0; b < BUCKETS.length; b++) {
      if (counts[b] > 0) {
        String range = BUCKETS[b] == low ? String.valueOf(low)
            : BUCKETS[b] == Integer.MAX_VALUE ? low + "+" : low + "-" + BUCKETS[b];
        out.append(out.length() == 0 ? "" : " ").append(range).append(':').append(counts[b]);
      }
      low = BUCKETS[b] + 1;
    }
    return out.length() == 0 ? "none" : out.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** The p99 of each slice, in order, e.g. {@code "2310, 640, 410"}. */
  static String p99s(List<ScenarioResult.Slice> timeline) {
    return timeline.stream().map(sl -> f("%.0f", sl.latency().p99Ms()))
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
