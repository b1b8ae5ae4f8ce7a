package io.emostream.app;

import io.emostream.config.EmostreamSettings;
import io.emostream.config.ModelKeys;
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
    EmostreamSettings settings = config.settings();
    Integer configured = settings.getInt(ModelKeys.THREADS_CONFIG);
    int threads = configured != null ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    if (System.getProperty("emostream.model.threads") == null) {
      System.setProperty("emostream.model.threads", String.valueOf(threads));
    }
    DjlRuntime.ensureConfigured();
    // validated when the settings were parsed
    DeviceSpec device = DeviceSpec.parse(settings.getString(ModelKeys.DEVICE_CONFIG));
    String location = settings.getString(ModelKeys.LOCATION_CONFIG);
    // EmotionModels logs the one start-up line: model, device, engine and threads
    EmotionModel model = EmotionModels.load(location, device);
    return new BatchingEmotionModel(model, batching(settings));
  }

  /** The batcher's settings: {@code inference.max-batch}, {@code inference.max-delay}, {@code inference.queue-capacity}. */
  static BatchingConfig batching(EmostreamSettings settings) {
    return ScoringConfig.from(settings).batching();
  }
}
