package io.emostream.bench;

import io.emostream.model.DemoModel;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import java.nio.file.Path;

/**
 * Chooses the model the benchmark scores with and says which, because throughput depends on the
 * architecture and its size, not on whether the weights are trained.
 *
 * @param location    what {@code model.location} is set to
 * @param description how the report names it
 */
public record BenchModel(String location, String description) {

  /** Name of the random-weight model, as in {@code emostream bench-model}. */
  public static final String RANDOM_NAME = "random-demo";

  /**
   * Resolves {@code choice}: {@code auto} is the bundled demo model when this build has it, else
   * {@code random}; {@code random} writes a default-config CrossModalEmotionNet with random
   * weights (seed 42) into {@code workDir}; anything else is a bundle location used as given.
   */
  public static BenchModel resolve(String choice, Path workDir) {
    if (choice.equals("auto")) {
      return bundledDemoPresent()
          ? new BenchModel(DemoModel.LOCATION, "bundled demo model (" + DemoModel.LOCATION + ")")
          : random(workDir, " (the bundled demo model is not in this build)");
    }
    if (choice.equals("random")) {
      return random(workDir, "");
    }
    return new BenchModel(choice, "model bundle at " + choice);
  }

  private static boolean bundledDemoPresent() {
    String resource = DemoModel.LOCATION.substring("classpath:".length()) + "/manifest.json";
    return BenchModel.class.getClassLoader().getResource(resource) != null;
  }

  private static BenchModel random(Path workDir, String why) {
    Path dir = workDir.resolve("random-model");
    try (DjlEmotionModel model = DjlEmotionModel.createRandom(
        Manifests.crossModal(RANDOM_NAME, "0", NetConfig.DEFAULT, 42), 42, DeviceSpec.CPU)) {
      model.save(dir);
      return new BenchModel(dir.toString(), "random-weight CrossModalEmotionNet, default config, "
          + String.format("%.1f", model.parameterCount() / 1e6) + " M parameters" + why);
    }
  }
}
