package io.emostream.model.corpus;

import java.util.Locale;

/**
 * The four classes of the corpus, following the IEMOCAP 4-class convention the model uses
 * (neutral, happy with excited merged in, angry, sad).
 */
public enum Emotion {
  NEUTRAL(false),
  HAPPY(true),
  ANGRY(true),
  SAD(false);

  private final boolean aroused;

  Emotion(boolean aroused) {
    this.aroused = aroused;
  }

  /** True for the high-arousal emotions, whose voice decides the label of a conflicting item. */
  public boolean aroused() {
    return aroused;
  }

  /** The lower-case label written to manifests and transcripts ({@code "angry"}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label such as {@code "angry"} (any case); names the valid labels when it cannot. */
  public static Emotion fromLabel(String label) {
    for (Emotion emotion : values()) {
      if (emotion.label().equalsIgnoreCase(label.trim())) {
        return emotion;
      }
    }
    throw new IllegalArgumentException(
        "Unknown emotion '" + label + "': use one of neutral, happy, angry, sad");
  }
}
