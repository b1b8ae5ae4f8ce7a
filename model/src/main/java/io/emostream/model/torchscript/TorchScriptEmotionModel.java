package io.emostream.model.torchscript;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.ModelInfo;
import io.emostream.model.UtteranceInput;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user's own TorchScript model (e.g. Wav2Vec2 + BERT with cross-modal attention exported from
 * Python) run through DJL's PyTorch engine, described by a {@link TorchScriptManifest}.
 *
 * <p>The tokenizer is read from the bundle's local {@code tokenizer.json} only: a model name would
 * make the tokenizer library look it up online. Scores one batch at a time ({@link #predict} is
 * synchronized); share it between threads through {@code BatchingEmotionModel}.
 */
public final class TorchScriptEmotionModel implements EmotionModel {

  private final TorchScriptManifest manifest;
  private final ModelInfo info;
  private final ZooModel<List<UtteranceInput>, List<EmotionPrediction>> model;
  private final Predictor<List<UtteranceInput>, List<EmotionPrediction>> predictor;
  private final HuggingFaceTokenizer tokenizer;

  private TorchScriptEmotionModel(TorchScriptManifest manifest, HuggingFaceTokenizer tokenizer,
      ZooModel<List<UtteranceInput>, List<EmotionPrediction>> model) {
    this.manifest = manifest;
    this.tokenizer = tokenizer;
    this.model = model;
    this.predictor = model.newPredictor();
    this.info = new ModelInfo(manifest.name(), manifest.version(), "torchscript", manifest.labels(),
        manifest.sampleRate(), manifest.maxAudioSamples(), manifest.maxTokens(), manifest.standalone(),
        model.getNDManager().getDevice().toString());
  }

  /**
   * Loads the bundle in {@code bundleDir} onto {@code device}.
   *
   * @throws ModelException when the manifest is invalid, a file is missing, or PyTorch cannot load the module
   */
  public static TorchScriptEmotionModel load(Path bundleDir, DeviceSpec device) {
    DjlRuntime.ensureConfigured();
    TorchScriptManifest manifest = TorchScriptManifest.read(bundleDir);
    HuggingFaceTokenizer tokenizer = manifest.tokenizer() == null ? null : tokenizer(manifest);
    try {
      Criteria<List<UtteranceInput>, List<EmotionPrediction>> criteria = Criteria.builder()
          .setTypes(utteranceListType(), predictionListType())
          .optModelPath(manifest.file())
          .optEngine(DjlRuntime.ENGINE)
          .optDevice(device.resolve())
          .optOption("mapLocation", "true") // a CPU-saved module still loads onto a GPU
          .optTranslator(new TorchScriptTranslator(manifest, tokenizer))
          .build();
      return new TorchScriptEmotionModel(manifest, tokenizer, criteria.loadModel());
    } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
      if (tokenizer != null) {
        tokenizer.close();
      }
      if (e instanceof ModelException m) {
        throw m;
      }
      throw new ModelException("cannot load TorchScript module " + manifest.file() + ": " + e.getMessage()
          + " (is it a TorchScript file saved with torch.jit.save, from PyTorch <= 2.7?)", e);
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /** The validated manifest this model was loaded from. */
  public TorchScriptManifest manifest() {
    return manifest;
  }

  @Override
  public synchronized List<EmotionPrediction> predict(List<UtteranceInput> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    try {
      return predictor.predict(batch);
    } catch (TranslateException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof ModelException m) {
          throw m;
        }
      }
      throw new ModelException("model " + manifest.name() + " failed on a batch of " + batch.size()
          + " (first utterance " + batch.get(0).id() + "): " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    predictor.close();
    model.close();
    if (tokenizer != null) {
      tokenizer.close();
    }
  }

  private static HuggingFaceTokenizer tokenizer(TorchScriptManifest manifest) {
    try {
      // Truncation happens here, padding in the translator (to the batch's longest row).
      return HuggingFaceTokenizer.newInstance(manifest.tokenizer(), Map.of(
          "maxLength", Integer.toString(manifest.maxTokens()),
          "truncation", "true",
          "padding", "false",
          "addSpecialTokens", "true"));
    } catch (IOException | RuntimeException e) {
      throw new ModelException("cannot read tokenizer " + manifest.tokenizer() + ": " + e.getMessage()
          + " (it must be a Hugging Face tokenizer.json file)", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<List<UtteranceInput>> utteranceListType() {
    return (Class<List<UtteranceInput>>) (Class<?>) List.class;
  }

  @SuppressWarnings("unchecked")
  private static Class<List<EmotionPrediction>> predictionListType() {
    return (Class<List<EmotionPrediction>>) (Class<?>) List.class;
  }
}
