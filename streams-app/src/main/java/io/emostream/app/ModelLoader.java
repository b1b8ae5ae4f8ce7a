package io.emostream.app;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.ModelInfo;
import io.emostream.model.batching.BatchingConfig;
import io.emostream.model.batching.BatchingEmotionModel;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configured model once per JVM and wraps it in a {@link BatchingEmotionModel}, so
 * every stream thread shares one model in memory and its calls are batched together.
 *
 * <p>Intra-op threads of the PyTorch engine default to one less than the cores (at least one):
 * the batcher runs one inference at a time while stream threads decode and assemble audio, and
 * oversubscribed cores slow PyTorch down by an order of magnitude.
 */
public final class ModelLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

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
    long started = System.nanoTime();
    EmotionModel model = EmotionModels.load(location, device);
    ModelInfo info = model.info();
    LOG.info("Model {} {} ({}) loaded from {} on {} in {} ms, labels {}", info.name(), info.version(),
        info.architecture(), location, info.device(), (System.nanoTime() - started) / 1_000_000, info.labels());
    return new BatchingEmotionModel(model, batching(config));
  }

  static BatchingConfig batching(EmostreamConfig config) {
    BatchingConfig d = BatchingConfig.DEFAULT;
    int maxBatch = config.get("model.batch.max").map(v -> parse("model.batch.max", v)).orElse(d.maxBatch());
    int delayMs = config.get("model.batch.max-delay-ms").map(v -> parse("model.batch.max-delay-ms", v))
        .orElse((int) d.maxDelay().toMillis());
    int capacity = config.get("model.batch.queue-capacity").map(v -> parse("model.batch.queue-capacity", v))
        .orElse(Math.max(d.queueCapacity(), maxBatch));
    try {
      return d.withBatch(maxBatch, Duration.ofMillis(delayMs)).withQueue(capacity, d.submitTimeout());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static int parse(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + "=" + value + " is not a whole number");
    }
  }
}
