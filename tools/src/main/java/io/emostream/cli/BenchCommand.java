package io.emostream.cli;

import io.emostream.bench.BenchReport;
import io.emostream.bench.BenchResult;
import io.emostream.bench.BenchRunner;
import io.emostream.bench.BenchSettings;
import io.emostream.bench.Pace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emostream bench}: the performance harness. On the in-process broker and the dev
 * registry it replays synthetic two-channel calls through the app and compares, in one run, a
 * raw-consumer baseline, batched inference at each requested stream-thread count, and
 * per-record inference; prints the Markdown table and writes {@code bench.md} and
 * {@code bench.json} to {@code --out}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Measure the pipeline on the in-process broker: utterances/s, audio-seconds/s, end-to-end latency",
    "p50/p95/p99, batch sizes, CPU and memory, for a raw-consumer baseline, batching at 1 and 2 stream",
    "threads and per-record inference. Writes bench.md and bench.json to --out."})
final class BenchCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--calls", defaultValue = "8", description = "Concurrent synthetic calls (default: ${DEFAULT-VALUE}).")
  private int calls;

  @Option(names = "--utterances-per-call", defaultValue = "12",
      description = "Utterances per call, agent and customer taking turns (default: ${DEFAULT-VALUE}).")
  private int utterancesPerCall;

  @Option(names = "--pace", defaultValue = "fast",
      description = "realtime (records when a live call would produce them) or fast (all at once) (default: ${DEFAULT-VALUE}).")
  private String pace;

  @Option(names = "--model", defaultValue = "auto", paramLabel = "auto|random|LOCATION", description = {
      "auto: the bundled demo model if this build has it, else random weights; random: a default-config",
      "CrossModalEmotionNet with random weights (speed does not depend on weights); or a bundle DIR or",
      "classpath:prefix (default: ${DEFAULT-VALUE})."})
  private String model;

  @Option(names = "--threads", defaultValue = "1,2", split = ",",
      description = "Stream-thread counts to compare with batching on (default: ${DEFAULT-VALUE}).")
  private List<Integer> threads = new ArrayList<>();

  @Option(names = "--out", defaultValue = "target/bench", description = "Where to write bench.md and bench.json (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
  private int partitions;

  @Option(names = "--model-threads", description = "PyTorch intra-op threads (default: cores - most stream threads, at least 1).")
  private Integer modelThreads;

  @Option(names = "--rounds", defaultValue = "1",
      description = "Run each pipeline scenario this many times (rotated order) and report its median run (default: ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(names = "--seed", defaultValue = "42", description = "Seeds the synthetic calls (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--quick", description = "A smoke run: 2 calls x 4 utterances, no warm-up.")
  private boolean quick;

  @Option(names = "--format", defaultValue = "pcm16k-200ms", description = {
      "How the calls send audio: pcm16k-200ms (200 ms chunks of 16 kHz PCM) or mulaw8k-20ms (20 ms frames of",
      "8 kHz mu-law, as telephony media streams send) (default: ${DEFAULT-VALUE})."})
  private String format;

  @Option(names = "--capacity", split = ",", paramLabel = "N,N,...", description = {
      "After the scenarios, ramp concurrent real-time two-party calls (mulaw8k-20ms) through these counts and",
      "report the most whose scored-utterance p99 stays within 1 s with no growing backlog."})
  private List<Integer> capacity = new ArrayList<>();

  @Option(names = "--capacity-seconds", defaultValue = "60", description = "Traffic per capacity step (default: ${DEFAULT-VALUE}).")
  private int capacitySeconds;

  @Option(names = "--profile", description = "Record JFR (bench.jfr in --out) and print the top frames of the stream and model threads.")
  private boolean profile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = {
      "An app setting for every pipeline scenario, e.g. --set commit.interval.ms=200; repeatable.",
      "The settings that make a scenario (batch size, stream threads) still win."})
  private java.util.Map<String, String> appSettings = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BenchSettings settings;
    try {
      settings = new BenchSettings(quick ? 2 : calls, quick ? 4 : utterancesPerCall, Pace.parse(pace), model,
          threads, this.out, partitions,
          modelThreads != null ? modelThreads : BenchSettings.defaultModelThreads(threads), quick ? 1 : rounds, !quick,
          seed, io.emostream.bench.InputFormat.parse(format), capacity, capacitySeconds, profile, appSettings);
    } catch (IllegalArgumentException e) {
      err.println("emostream bench: " + e.getMessage());
      return 2;
    }
    BenchResult result;
    try {
      result = BenchRunner.run(settings, err);
    } catch (RuntimeException e) {
      err.println();
      err.println("emostream bench: failed: " + e.getMessage());
      return 1;
    }
    String markdown = BenchReport.markdown(result);
    BenchReport.write(result, settings.out());
    out.println();
    out.print(markdown);
    out.println();
    out.println("Wrote " + settings.out().resolve("bench.md") + " and " + settings.out().resolve("bench.json"));
    out.flush();
    return 0;
  }
}
