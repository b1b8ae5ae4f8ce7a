package io.emostream.model.data;

import io.emostream.model.bundle.BundleManifest;
import java.util.List;

/**
 * The four classes every reader maps to (IEMOCAP convention, excited merged into happy) and the
 * valence/arousal targets used when a corpus has no dimensional ratings.
 *
 * <p>The default targets place each class where the circumplex model puts it (angry: unpleasant
 * and activated; sad: unpleasant and calm; happy: pleasant and activated; neutral: centre, mildly
 * calm), so the valence/arousal head learns an ordering consistent with the class head.
 */
public final class EmotionLabels {

  /** Class names in model output order. */
  public static final List<String> LABELS = BundleManifest.IEMOCAP_LABELS;

  private static final float[][] VALENCE_AROUSAL = {{0f, 0.3f}, {0.7f, 0.7f}, {-0.7f, 0.8f}, {-0.6f, 0.2f}};

  private EmotionLabels() {}

  /** Index of {@code label} in {@link #LABELS}, or -1 when it is not one of them. */
  public static int indexOf(String label) {
    return LABELS.indexOf(label);
  }

  /** Default valence in [-1, 1] of class {@code index}. */
  public static float valence(int index) {
    return VALENCE_AROUSAL[index][0];
  }

  /** Default arousal in [0, 1] of class {@code index}. */
  public static float arousal(int index) {
    return VALENCE_AROUSAL[index][1];
  }
}
