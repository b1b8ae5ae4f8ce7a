package io.emostream.app;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.batching.BatchingConfig;
import io.emostream.model.batching.BatchingEmotionModel;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import io.emostream.scoring.ScoringConfig;

/**
 * Loads the configured model once per JVM and wraps it in a {@link BatchingEmotionModel}, so
 * every stream thread shares one model in memory and its calls are batched together.
 *
 * <p>Intra-op threads of the PyTorch engine default to one less than the cores (at least one):
 * the batcher runs one inference at a time while stream threads decode and assemble audio, and
 * oversubscribed cores slow PyTorch down by an order of magnitude.
 */
public final class ModelLoader {

  private ModelLoader() {}

  /** The shared, batching model described by {@code config}. */
  public static BatchingEmotionModel load(EmostreamConfig config) {
    String threads = config.get(EmostreamConfig.MODEL_THREADS)
        .orElse(String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
    if (System.getProperty("emostream.model.threads") == null) {
      System.setProperty("emostream.model.threads", threads);
    }
    DjlRuntime.ensureConfigured();
    DeviceSpec device;
    try {
      device = DeviceSpec.parse(config.required(EmostreamConfig.MODEL_DEVICE));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    String location = config.required(EmostreamConfig.MODEL_LOCATION);
    // EmotionModels logs the one start-up line: model, device, engine and threads
    EmotionModel model = EmotionModels.load(location, device);
    return new BatchingEmotionModel(model, batching(config));
  }

  /** The batcher's settings: {@code inference.max-batch}, {@code inference.max-delay}, {@code inference.queue-capacity}. */
  static BatchingConfig batching(EmostreamConfig config) {
    try {
      return ScoringConfig.from(config.asMap()).batching();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }
}
