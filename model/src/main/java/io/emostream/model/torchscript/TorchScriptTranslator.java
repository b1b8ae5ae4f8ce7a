package io.emostream.model.torchscript;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.UtteranceInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a batch of utterances into the tensors a TorchScript module's manifest names, and its
 * outputs back into predictions.
 *
 * <p>Arrays are created in the translator context's manager, which DJL closes after each
 * prediction, so native memory does not grow with the number of batches. Padding: audio rows
 * are zero-padded to the longest (at least {@code minAudioSamples}), token rows to the longest
 * (at least 1) with the pad id; the module is expected to honour lengths and mask.
 */
final class TorchScriptTranslator implements NoBatchifyTranslator<List<UtteranceInput>, List<EmotionPrediction>> {

  private static final String BATCH = "batch";

  private final TorchScriptManifest manifest;
  private final HuggingFaceTokenizer tokenizer;

  /** @param tokenizer the bundle's tokenizer, or {@code null} when the module takes no tokens */
  TorchScriptTranslator(TorchScriptManifest manifest, HuggingFaceTokenizer tokenizer) {
    this.manifest = manifest;
    this.tokenizer = tokenizer;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<UtteranceInput> batch) {
    ctx.setAttachment(BATCH, batch);
    for (UtteranceInput u : batch) {
      if (u.audio() == null && !manifest.takesText() || u.text() == null && !manifest.takesAudio()) {
        throw new ModelException("model " + manifest.name() + " takes " + manifest.inputs()
            + " but utterance " + u.id() + " has only " + u.modalities()
            + "; route such utterances to a model that accepts them");
      }
    }
    NDManager manager = ctx.getNDManager();
    AudioBatch audio = manifest.takesAudio() ? audioBatch(batch) : null;
    TokenBatch tokens = manifest.takesText() ? tokenBatch(batch) : null;
    NDList inputs = new NDList();
    for (TorchScriptInput input : manifest.inputs()) {
      inputs.add(switch (input) {
        case WAVEFORM -> manager.create(audio.samples(), new Shape(batch.size(), audio.width()));
        case WAVEFORM_LENGTHS -> manager.create(audio.lengths());
        case INPUT_IDS -> manager.create(tokens.ids(), new Shape(batch.size(), tokens.width()));
        case ATTENTION_MASK -> manager.create(tokens.mask(), new Shape(batch.size(), tokens.width()));
      });
    }
    return inputs;
  }

  @Override
  public List<EmotionPrediction> processOutput(TranslatorContext ctx, NDList outputs) {
    @SuppressWarnings("unchecked")
    List<UtteranceInput> batch = (List<UtteranceInput>) ctx.getAttachment(BATCH);
    int rows = batch.size();
    int classes = manifest.labels().size();
    NDArray scores = output(outputs, manifest.logitsIndex(), "logits", rows, classes);
    float[] probabilities = (manifest.scoresAreProbabilities() ? scores : scores.softmax(1)).toFloatArray();
    float[] va = manifest.valenceArousalIndex() < 0 ? null
        : output(outputs, manifest.valenceArousalIndex(), "valenceArousal", rows, 2).toFloatArray();
    List<EmotionPrediction> predictions = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      // Without a valence/arousal head the model says nothing about them: NaN, not a made-up value.
      float valence = va == null ? Float.NaN : clamp(va[2 * row], -1f, 1f);
      float arousal = va == null ? Float.NaN : clamp(va[2 * row + 1], 0f, 1f);
      predictions.add(new EmotionPrediction(manifest.labels(),
          Arrays.copyOfRange(probabilities, row * classes, (row + 1) * classes),
          valence, arousal, batch.get(row).modalities()));
    }
    return predictions;
  }

  private NDArray output(NDList outputs, int index, String key, int rows, int columns) {
    if (index >= outputs.size()) {
      throw new ModelException("model " + manifest.name() + " returned " + outputs.size()
          + " output(s) but the manifest's outputs." + key + " is " + index + "; fix the index");
    }
    NDArray array = outputs.get(index);
    Shape expected = new Shape(rows, columns);
    if (!array.getShape().equals(expected)) {
      throw new ModelException("model " + manifest.name() + " output " + index + " (" + key + ") has shape "
          + array.getShape() + " but " + expected + " was expected (batch x "
          + (key.equals("logits") ? manifest.labels().size() + " labels" : "[valence, arousal]") + ")");
    }
    return array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
  }

  private AudioBatch audioBatch(List<UtteranceInput> batch) {
    int rows = batch.size();
    float[][] audio = new float[rows][];
    long[] lengths = new long[rows];
    int width = manifest.minAudioSamples();
    for (int r = 0; r < rows; r++) {
      float[] samples = batch.get(r).audio();
      if (samples == null) {
        audio[r] = new float[0];
        lengths[r] = manifest.missingAudio() == TorchScriptManifest.MissingAudio.SILENCE
            ? manifest.minAudioSamples() : 0;
      } else {
        audio[r] = samples.length > manifest.maxAudioSamples()
            ? Arrays.copyOf(samples, manifest.maxAudioSamples()) : samples;
        lengths[r] = audio[r].length;
      }
      width = Math.max(width, audio[r].length);
    }
    float[] flat = new float[rows * width];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(audio[r], 0, flat, r * width, audio[r].length);
    }
    return new AudioBatch(flat, lengths, width);
  }

  private TokenBatch tokenBatch(List<UtteranceInput> batch) {
    int rows = batch.size();
    long[][] ids = new long[rows][];
    long[][] masks = new long[rows][];
    int width = 1;
    for (int r = 0; r < rows; r++) {
      String text = batch.get(r).text();
      if (text == null && manifest.missingText() == TorchScriptManifest.MissingText.EMPTY) {
        ids[r] = new long[0];
        masks[r] = new long[0];
      } else {
        var encoding = tokenizer.encode(text == null ? "" : text);
        ids[r] = encoding.getIds();
        masks[r] = encoding.getAttentionMask();
        if (ids[r].length > manifest.maxTokens()) {
          ids[r] = Arrays.copyOf(ids[r], manifest.maxTokens());
          masks[r] = Arrays.copyOf(masks[r], manifest.maxTokens());
        }
      }
      width = Math.max(width, ids[r].length);
    }
    long[] flatIds = new long[rows * width];
    long[] flatMask = new long[rows * width];
    Arrays.fill(flatIds, manifest.padTokenId());
    for (int r = 0; r < rows; r++) {
      System.arraycopy(ids[r], 0, flatIds, r * width, ids[r].length);
      System.arraycopy(masks[r], 0, flatMask, r * width, masks[r].length);
    }
    return new TokenBatch(flatIds, flatMask, width);
  }

  private static float clamp(float value, float min, float max) {
    return Math.max(min, Math.min(max, value));
  }

  private record AudioBatch(float[] samples, long[] lengths, int width) {}

  private record TokenBatch(long[] ids, long[] mask, int width) {}
}
