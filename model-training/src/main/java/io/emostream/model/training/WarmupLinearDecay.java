package io.emostream.model.training;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate that rises linearly from 0 to {@code peak} over the warm-up steps, then falls
 * linearly to {@code 10%} of the peak at the last step. Warm-up keeps Adam's first, noisy
 * moment estimates from wrecking freshly initialised attention layers.
 */
public final class WarmupLinearDecay implements Tracker {

  private static final float FLOOR = 0.1f;

  private final float peak;
  private final int warmupSteps;
  private final int totalSteps;

  public WarmupLinearDecay(float peak, int warmupSteps, int totalSteps) {
    this.peak = peak;
    this.warmupSteps = Math.max(0, warmupSteps);
    this.totalSteps = Math.max(this.warmupSteps + 1, totalSteps);
  }

  @Override
  public float getNewValue(int numUpdate) {
    if (numUpdate < warmupSteps) {
      return peak * (numUpdate + 1) / warmupSteps;
    }
    float progress = Math.min(1f, (float) (numUpdate - warmupSteps) / (totalSteps - warmupSteps));
    return peak * (1f - (1f - FLOOR) * progress);
  }
}
