package io.emostream.model;

import java.util.List;
import java.util.Set;

/**
 * What the model says about one utterance.
 *
 * @param labels        class names, in the order of {@code probabilities} (the model's labels)
 * @param probabilities one probability per class, summing to 1
 * @param valence       [-1, 1], unpleasant to pleasant
 * @param arousal       [0, 1], calm to activated
 * @param modalities    the modalities the prediction was made from
 * @param drivenBy      the modalities that decided it: one of them when the model leaned on it
 *                      (the other was absent, or judged unreliable), both when both counted;
 *                      a subset of {@code modalities}
 */
public record EmotionPrediction(
    List<String> labels, float[] probabilities, float valence, float arousal, Set<Modality> modalities,
    Set<Modality> drivenBy) {

  /** A prediction driven by every modality it was made from (models that cannot tell). */
  public EmotionPrediction(List<String> labels, float[] probabilities, float valence, float arousal,
      Set<Modality> modalities) {
    this(labels, probabilities, valence, arousal, modalities, modalities);
  }

  public EmotionPrediction {
    labels = List.copyOf(labels);
    modalities = Set.copyOf(modalities);
    drivenBy = drivenBy == null || drivenBy.isEmpty() ? modalities : Set.copyOf(drivenBy);
    if (!modalities.containsAll(drivenBy)) {
      throw new IllegalArgumentException("drivenBy " + drivenBy + " is not within the modalities " + modalities);
    }
    if (labels.size() != probabilities.length) {
      throw new IllegalArgumentException(
          labels.size() + " labels but " + probabilities.length + " probabilities");
    }
  }

  /** Index of the most probable class. */
  public int labelIndex() {
    int best = 0;
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Name of the most probable class. */
  public String label() {
    return labels.get(labelIndex());
  }

  /** Probability of the most probable class. */
  public float confidence() {
    return probabilities[labelIndex()];
  }

  /** Probability of {@code label}, or 0 when the model has no such class. */
  public float probability(String label) {
    int i = labels.indexOf(label);
    return i < 0 ? 0f : probabilities[i];
  }
}
