package io.emostream.testing;

import io.emostream.model.bundle.Manifests;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import java.nio.file.Path;

/**
 * A randomly initialised cross-modal model written as a bundle directory, so that child JVMs load
 * a real model through {@code model.location} exactly as production does. The weights are
 * meaningless but deterministic: the same seed gives the same predictions in every JVM.
 */
public final class RandomModelBundle {

  /** The model name the bundle's manifest carries (and scored utterances report). */
  public static final String NAME = "random-reliability";
  public static final long SEED = 42;

  private RandomModelBundle() {}

  /** A random model (not saved); the caller closes it. */
  public static DjlEmotionModel create() {
    return DjlEmotionModel.createRandom(Manifests.crossModal(NAME, "0", NetConfig.DEFAULT, SEED), SEED,
        DeviceSpec.CPU);
  }

  /** Writes the random model's bundle into {@code dir} (created if missing) and returns {@code dir}. */
  public static Path write(Path dir) {
    try (DjlEmotionModel model = create()) {
      model.save(dir);
    }
    return dir;
  }
}
