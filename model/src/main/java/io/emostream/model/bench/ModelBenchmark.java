package io.emostream.model.bench;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import io.emostream.model.torchscript.TorchScriptEmotionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures a model's throughput by batch size and utterance length on the current device
 * (the CLI's {@code emostream bench-model}).
 *
 * <p>For each utterance length and batch size it runs warm-up batches, then batches of fresh
 * synthetic utterances (audio plus 15 to 30 words) until both a minimum time and a minimum number
 * of batches have passed. It calls the model directly, one batch at a time, so the figures are the
 * model's own ceiling without queueing.
 */
public final class ModelBenchmark {

  /**
   * What to measure.
   *
   * @param audioSeconds   utterance lengths to try
   * @param batchSizes     batch sizes to try
   * @param warmupBatches  unmeasured batches per cell (JIT, allocator, native caches)
   * @param minSeconds     measure at least this long per cell ...
   * @param minBatches     ... and at least this many batches
   */
  public record Settings(List<Double> audioSeconds, List<Integer> batchSizes, int warmupBatches,
      double minSeconds, int minBatches) {

    /** 2, 5, 10 s by batch 1, 8, 32; 2 warm-up batches; at least 3 s and 3 batches per cell. */
    public static final Settings DEFAULT = new Settings(List.of(2.0, 5.0, 10.0), List.of(1, 8, 32), 2, 3.0, 3);

    public Settings {
      audioSeconds = List.copyOf(audioSeconds);
      batchSizes = List.copyOf(batchSizes);
    }
  }

  private ModelBenchmark() {}

  /** Loads a model from {@code factory}, measures it with {@code settings} and closes it. */
  public static BenchmarkResult run(Supplier<? extends EmotionModel> factory, Settings settings) {
    try (EmotionModel model = factory.get()) {
      List<BenchmarkResult.Row> rows = new ArrayList<>();
      long seed = 1;
      for (double seconds : settings.audioSeconds()) {
        for (int batch : settings.batchSizes()) {
          for (int i = 0; i < settings.warmupBatches(); i++) {
            model.predict(SyntheticUtterances.make(batch, seconds, seed++));
          }
          int batches = 0;
          long modelNanos = 0;
          long start = System.nanoTime();
          while (batches < settings.minBatches() || System.nanoTime() - start < settings.minSeconds() * 1e9) {
            var inputs = SyntheticUtterances.make(batch, seconds, seed++);
            long t0 = System.nanoTime();
            model.predict(inputs);
            modelNanos += System.nanoTime() - t0;
            batches++;
          }
          double modelSeconds = modelNanos / 1e9;
          double utterances = (double) batches * batch;
          rows.add(new BenchmarkResult.Row(seconds, batch, batches, utterances / modelSeconds,
              utterances * seconds / modelSeconds, modelSeconds * 1000 / batches));
        }
      }
      return new BenchmarkResult(model.info().name() + " " + model.info().version(), model.info().device(), rows);
    }
  }

  /**
   * {@code ModelBenchmark [--model random-demo | BUNDLE_DIR] [--device auto|cpu|gpu:N] [--quick]}.
   * {@code random-demo} is the built-in network with the default demo config and random weights
   * (speed does not depend on the weights); a directory is loaded as a model bundle.
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the benchmark for command-line {@code args} and prints the table; returns the exit code. */
  public static int run(String[] args) {
    String model = "random-demo";
    DeviceSpec device = DeviceSpec.AUTO;
    Settings settings = Settings.DEFAULT;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--model" -> model = args[++i];
        case "--device" -> device = DeviceSpec.parse(args[++i]);
        case "--quick" -> settings = new Settings(settings.audioSeconds(), settings.batchSizes(), 1, 0.5, 1);
        case "--seconds" -> {
          try {
            settings = new Settings(parseSeconds(args[++i]), settings.batchSizes(), settings.warmupBatches(),
                settings.minSeconds(), settings.minBatches());
          } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
          }
        }
        default -> {
          System.err.println("unknown argument '" + args[i]
              + "'; usage: ModelBenchmark [--model random-demo|BUNDLE_DIR] [--device auto|cpu|gpu:N] [--quick]"
              + " [--seconds 2,5,10]");
          return 2;
        }
      }
    }
    DjlRuntime.ensureConfigured();
    BenchmarkResult result = run(factory(model, device), settings);
    System.out.println(result.toMarkdown());
    return 0;
  }

  /** Utterance lengths from "2,5,10"; each must be a positive number of seconds. */
  static List<Double> parseSeconds(String list) {
    List<Double> out = new ArrayList<>();
    for (String part : list.split(",")) {
      double seconds;
      try {
        seconds = Double.parseDouble(part.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--seconds takes utterance lengths in seconds, e.g. 2,5,10; got '"
            + list + "'", e);
      }
      if (!(seconds > 0)) {
        throw new IllegalArgumentException("--seconds: every length must be > 0, got " + part.trim());
      }
      out.add(seconds);
    }
    return out;
  }

  private static Supplier<EmotionModel> factory(String model, DeviceSpec device) {
    if (model.equals("random-demo")) {
      return () -> DjlEmotionModel.createRandom(
          Manifests.crossModal("random-demo", "0", NetConfig.DEFAULT, 42), 42, device);
    }
    Path dir = Path.of(model);
    if (Files.isRegularFile(dir.resolve("manifest.json")) && isTorchScript(dir)) {
      return () -> TorchScriptEmotionModel.load(dir, device);
    }
    return () -> EmotionModels.load(model, device);
  }

  private static boolean isTorchScript(Path dir) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("manifest.json").toFile())
          .path("architecture").asText().equals("torchscript");
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
