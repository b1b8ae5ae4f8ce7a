package io.emostream.cli;

import io.emostream.model.bench.ModelBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code emostream bench-model}: the model alone, without Kafka: throughput by batch size and
 * utterance length on the current device ({@link ModelBenchmark}, which prints its table to stdout).
 */
@Command(name = "bench-model", mixinStandardHelpOptions = true, description = {
    "Measure the model alone: utterances/s and audio-seconds/s by batch size (1, 8, 32) and utterance",
    "length (2, 5, 10 s), calling it directly, one batch at a time."})
final class BenchModelCommand implements Callable<Integer> {

  @Option(names = "--model", defaultValue = "random-demo", paramLabel = "random-demo|BUNDLE_DIR", description = {
      "random-demo: the built-in network, default config, random weights (speed does not depend on",
      "the weights); or a model bundle directory (default: ${DEFAULT-VALUE})."})
  private String model;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
  private String device;

  @Option(names = "--quick", description = "One warm-up batch and at least 0.5 s per cell, for a smoke run.")
  private boolean quick;

  @Option(names = "--seconds", paramLabel = "S,S,...", description = {
      "Utterance lengths in seconds to measure (default: 2,5,10)."})
  private String seconds;

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>(List.of("--model", model, "--device", device));
    if (quick) {
      args.add("--quick");
    }
    if (seconds != null) {
      args.add("--seconds");
      args.add(seconds);
    }
    return ModelBenchmark.run(args.toArray(String[]::new));
  }
}
