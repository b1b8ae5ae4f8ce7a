package io.emostream.model.evaluation;

import java.util.Locale;

/** Which inputs the model is shown: both modalities, or one with the other withheld. */
public enum View {
  FUSED("audio+text"), AUDIO_ONLY("audio only"), TEXT_ONLY("text only");

  private final String title;

  View(String title) {
    this.title = title;
  }

  /** Human-readable name for tables. */
  public String title() {
    return title;
  }

  /** Metric key prefix, e.g. {@code fused}, {@code audio_only}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
