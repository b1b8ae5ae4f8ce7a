package io.emostream.model;

/**
 * The demo model bundled inside the jar: a {@code CrossModalEmotionNet} trained on the synthetic
 * espeak-ng corpus (see docs/model-card.md). Good for trying emostream out; not for real calls.
 */
public final class DemoModel {

  /** Its location for {@link EmotionModels#load}. */
  public static final String LOCATION = "classpath:io/emostream/model/demo";

  private DemoModel() {}
}
