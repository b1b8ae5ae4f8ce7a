package io.emostream.common;

import io.emostream.avro.EmotionLabel;
import io.emostream.avro.EmotionProbabilities;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelInfo;
import java.util.List;
import java.util.Locale;

/**
 * Maps a model's class names onto the four {@link EmotionLabel}s of the output contracts.
 *
 * <p>Built once at scorer start from {@link ModelInfo#labels()}: a model that lacks any of
 * neutral, happy, angry, sad is rejected there, not on the first utterance. Extra classes a
 * model may have are left out and the four probabilities renormalised, so the published
 * distribution always sums to 1 over the contract's classes.
 */
public final class LabelMapping {

  private final int[] modelIndex = new int[EmotionLabel.values().length];

  private LabelMapping(List<String> modelLabels, String modelName) {
    for (EmotionLabel label : EmotionLabel.values()) {
      int found = -1;
      for (int i = 0; i < modelLabels.size(); i++) {
        if (modelLabels.get(i).trim().equalsIgnoreCase(label.name())) {
          found = i;
        }
      }
      if (found < 0) {
        throw new IllegalArgumentException("Model " + modelName + " has labels " + modelLabels
            + " but lacks '" + label.name().toLowerCase(Locale.ROOT) + "'; the scorer needs a model"
            + " whose labels cover neutral, happy, angry and sad (IEMOCAP 4-class)");
      }
      modelIndex[label.ordinal()] = found;
    }
  }

  /** The mapping for {@code info}; throws IllegalArgumentException when a class is missing. */
  public static LabelMapping of(ModelInfo info) {
    return new LabelMapping(info.labels(), info.name() + " " + info.version());
  }

  /** The four probabilities of {@code prediction}, renormalised to sum to 1. */
  public EmotionProbabilities probabilities(EmotionPrediction prediction) {
    double[] p = fourClass(prediction);
    return new EmotionProbabilities(p[0], p[1], p[2], p[3]);
  }

  /** The most probable of the four labels. */
  public EmotionLabel label(EmotionPrediction prediction) {
    double[] p = fourClass(prediction);
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return EmotionLabel.values()[best];
  }

  private double[] fourClass(EmotionPrediction prediction) {
    float[] raw = prediction.probabilities();
    double[] p = new double[modelIndex.length];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      int index = modelIndex[i];
      if (index >= raw.length) {
        throw new IllegalStateException("Prediction has " + raw.length
            + " probabilities but the model declared class index " + index);
      }
      p[i] = Math.max(0.0, raw[index]);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] = sum > 0 ? p[i] / sum : 1.0 / p.length;
    }
    return p;
  }

  /** Probability of ANGRY plus SAD: how negative the utterance is, in [0, 1]. */
  public static double negativity(EmotionProbabilities probabilities) {
    return probabilities.getAngry() + probabilities.getSad();
  }

  /** True for ANGRY and SAD, the labels that count as negative affect. */
  public static boolean isNegative(EmotionLabel label) {
    return label == EmotionLabel.ANGRY || label == EmotionLabel.SAD;
  }
}
