package io.emostream.model.evaluation;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.UtteranceInput;
import io.emostream.model.data.Example;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Scores examples with any {@link EmotionModel} (built-in bundle or TorchScript) in several
 * {@link View}s and counts the results.
 *
 * <p>In the audio-only and text-only views the other modality is withheld, exactly as when
 * ASR or audio drops out in production. An example that lacks a view's modality is left out of
 * that view (its {@code n} says how many were scored). Audio is loaded once per batch and shared
 * by the views.
 */
public final class Evaluator {

  private final EmotionModel model;
  private final int batchSize;

  public Evaluator(EmotionModel model, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    this.model = model;
    this.batchSize = batchSize;
  }

  /**
   * Evaluates {@code examples} in {@code views}.
   *
   * @param progress called with the number of examples done so far (may be {@code null})
   */
  public EvaluationReport evaluate(String split, List<Example> examples, Set<View> views, IntConsumer progress) {
    List<String> labels = model.info().labels();
    Map<View, ConfusionMatrix> matrices = new EnumMap<>(View.class);
    for (View v : views) {
      matrices.put(v, new ConfusionMatrix(labels));
    }
    for (int start = 0; start < examples.size(); start += batchSize) {
      List<Example> batch = examples.subList(start, Math.min(examples.size(), start + batchSize));
      List<float[]> audio = new ArrayList<>(batch.size());
      for (Example e : batch) {
        audio.add(e.audio() == null ? null : e.audio().load());
      }
      for (View v : views) {
        score(batch, audio, v, labels, matrices.get(v));
      }
      if (progress != null) {
        progress.accept(start + batch.size());
      }
    }
    return new EvaluationReport(split, matrices);
  }

  private void score(List<Example> batch, List<float[]> audio, View view, List<String> labels,
      ConfusionMatrix matrix) {
    List<UtteranceInput> inputs = new ArrayList<>();
    List<Integer> truth = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Example e = batch.get(i);
      float[] a = view == View.TEXT_ONLY ? null : audio.get(i);
      String t = view == View.AUDIO_ONLY ? null : e.text();
      boolean complete = switch (view) {
        case FUSED -> a != null || t != null;
        case AUDIO_ONLY -> a != null && a.length > 0;
        case TEXT_ONLY -> t != null && !t.isBlank();
      };
      if (!complete) {
        continue;
      }
      int index = labels.indexOf(e.label());
      if (index < 0) {
        throw new IllegalArgumentException("example " + e.id() + " has label '" + e.label()
            + "' which the model does not have (model labels " + labels + ")");
      }
      inputs.add(new UtteranceInput(e.id(), a, t));
      truth.add(index);
    }
    if (inputs.isEmpty()) {
      return;
    }
    List<EmotionPrediction> predictions = model.predict(inputs);
    for (int i = 0; i < predictions.size(); i++) {
      matrix.add(truth.get(i), predictions.get(i).labelIndex());
    }
  }
}
