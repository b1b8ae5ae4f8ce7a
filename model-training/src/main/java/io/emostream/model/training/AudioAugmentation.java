package io.emostream.model.training;

import java.util.Random;

/**
 * Renders a training clip through a randomly drawn recording channel (noise floor, G.711,
 * telephone band, level, packet loss), so the model learns what must not matter. Must return
 * 16 kHz audio and draw only from {@code random}, so training stays reproducible.
 */
@FunctionalInterface
public interface AudioAugmentation {

  /** {@code audio} as heard through a channel drawn from {@code random}. */
  float[] render(float[] audio, Random random);
}
