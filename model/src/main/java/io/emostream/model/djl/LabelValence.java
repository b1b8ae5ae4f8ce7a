package io.emostream.model.djl;

import java.util.List;

/**
 * Keeps a prediction's valence from contradicting its label: the valence head and the class head
 * are separate outputs and can disagree near a boundary, and "HAPPY, valence -0.3" is a result
 * no dashboard can show sensibly. A happy label caps valence below at 0, an angry or sad label
 * caps it above at 0; neutral and labels outside the IEMOCAP convention are left alone.
 */
final class LabelValence {

  private LabelValence() {}

  /** {@code valence}, set to 0 when its sign contradicts the most probable of {@code labels}. */
  static float consistent(List<String> labels, float[] probabilities, float valence) {
    int best = 0;
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[best]) {
        best = i;
      }
    }
    return switch (labels.get(best)) {
      case "happy" -> Math.max(0f, valence);
      case "angry", "sad" -> Math.min(0f, valence);
      default -> valence;
    };
  }
}
