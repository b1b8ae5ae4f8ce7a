package io.emostream.model;

import io.emostream.model.bundle.BundleLocation;
import io.emostream.model.bundle.BundleReader;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.net.CrossModalEmotionNet;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import io.emostream.model.torchscript.TorchScriptEmotionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads any model bundle: reads its manifest and dispatches on {@code architecture}.
 *
 * <p>{@code CrossModalEmotionNet} loads as {@link DjlEmotionModel}; {@code torchscript} as
 * {@link TorchScriptEmotionModel} (bring your own model). A classpath bundle is copied to a
 * temporary directory for loading and deleted afterwards (see {@link BundleLocation}).
 *
 * <p>Every load logs one INFO line that says what will run: model name and version, device, engine
 * and version, and the engine's thread pools (the line an operator checks first when scoring is slow).
 */
public final class EmotionModels {

  /** The manifest's {@code architecture} for bring-your-own TorchScript models. */
  public static final String TORCHSCRIPT = "torchscript";

  private static final Logger LOG = LoggerFactory.getLogger(EmotionModels.class);

  private EmotionModels() {}

  /**
   * Loads the bundle at {@code location}: a directory path, or {@code classpath:} plus a resource
   * prefix (e.g. {@code classpath:io/emostream/models/demo}).
   *
   * @throws ModelException naming the location and the problem when it cannot be loaded
   */
  public static EmotionModel load(String location, DeviceSpec device) {
    long started = System.nanoTime();
    EmotionModel model = loadBundle(location, device);
    ModelInfo info = model.info();
    LOG.info("Model {} {} ({}) on {} with {}; loaded from {} in {} ms, labels {}", info.name(), info.version(),
        info.architecture(), info.device(), DjlRuntime.describe(), location,
        (System.nanoTime() - started) / 1_000_000, info.labels());
    return model;
  }

  private static EmotionModel loadBundle(String location, DeviceSpec device) {
    try (BundleLocation bundle = BundleLocation.resolve(location)) {
      // Only the shared header is read here: each architecture's manifest has its own fields.
      String architecture = BundleReader.readHeader(bundle.directory()).get("architecture").asText();
      if (CrossModalEmotionNet.ARCHITECTURE.equals(architecture)) {
        return DjlEmotionModel.load(bundle.directory(), device);
      }
      if (TORCHSCRIPT.equals(architecture)) {
        return TorchScriptEmotionModel.load(bundle.directory(), device);
      }
      throw new ModelException("model bundle " + location + " has unknown architecture '" + architecture
          + "': use \"" + CrossModalEmotionNet.ARCHITECTURE + "\" or \"" + TORCHSCRIPT + "\"");
    }
  }
}
