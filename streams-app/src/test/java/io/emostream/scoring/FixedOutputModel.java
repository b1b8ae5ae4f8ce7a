package io.emostream.scoring;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.ModelInfo;
import io.emostream.model.UtteranceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model without weights for plumbing tests: the first word of the text picks the label
 * ("angry ...", "sad ...", "happy ...", anything else neutral). A batch holding an utterance
 * whose text contains "poison" fails every time; {@link #failNext(int)} makes the next calls
 * fail whatever they hold (a transient outage).
 */
public final class FixedOutputModel implements EmotionModel {

  static final List<String> LABELS = List.of("neutral", "happy", "angry", "sad");

  private final List<String> labels;
  private final AtomicInteger transientFailures = new AtomicInteger();
  /** Size of every batch the model was asked to score, failed ones included. */
  public final List<Integer> batchSizes = new ArrayList<>();

  public FixedOutputModel() {
    this(LABELS);
  }

  public FixedOutputModel(List<String> labels) {
    this.labels = labels;
  }

  /** The next {@code calls} calls fail with a ModelException. */
  public void failNext(int calls) {
    transientFailures.set(calls);
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo("fixed-output", "1.2.3", "test", labels, 16_000, 160_000, 64,
        Set.of(io.emostream.model.Modality.AUDIO, io.emostream.model.Modality.TEXT), "cpu()");
  }

  @Override
  public synchronized List<EmotionPrediction> predict(List<UtteranceInput> batch) {
    batchSizes.add(batch.size());
    if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ModelException("simulated transient failure");
    }
    List<EmotionPrediction> out = new ArrayList<>();
    for (UtteranceInput input : batch) {
      String text = input.text() == null ? "" : input.text().toLowerCase(Locale.ROOT);
      if (text.contains("poison")) {
        throw new ModelException("cannot score " + input.id());
      }
      String label = text.startsWith("angry") ? "angry" : text.startsWith("sad") ? "sad"
          : text.startsWith("happy") ? "happy" : "neutral";
      out.add(predictionFor(label, input));
    }
    return out;
  }

  private static EmotionPrediction predictionFor(String label, UtteranceInput input) {
    float[] p = new float[LABELS.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = LABELS.get(i).equals(label) ? 0.85f : 0.05f;
    }
    float valence = switch (label) {
      case "angry" -> -0.8f;
      case "sad" -> -0.6f;
      case "happy" -> 0.7f;
      default -> 0.0f;
    };
    float arousal = switch (label) {
      case "angry" -> 0.9f;
      case "sad" -> 0.2f;
      case "happy" -> 0.7f;
      default -> 0.3f;
    };
    return new EmotionPrediction(LABELS, p, valence, arousal, input.modalities());
  }

  @Override
  public void close() {}
}
