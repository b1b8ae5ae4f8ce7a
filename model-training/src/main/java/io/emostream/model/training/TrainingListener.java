package io.emostream.model.training;

/** Hears about training progress (the CLI draws a progress bar from it). All methods default to no-ops. */
public interface TrainingListener {

  /** A phase started, e.g. "computing features" with its item count. */
  default void onPhase(String phase, int total) {}

  /** Progress inside a phase. */
  default void onPhaseProgress(int done) {}

  /** A training step finished: {@code done} of {@code total} steps of {@code epoch}, with its loss. */
  default void onStep(int epoch, int done, int total, double loss) {}

  /** An epoch finished; {@code best} is true when its dev UA is the best so far. */
  default void onEpoch(EpochStats stats, boolean best) {}

  /** Training stopped early after {@code epoch} because dev UA stopped improving or time ran out. */
  default void onStopped(int epoch, String reason) {}

  /** No-op listener. */
  TrainingListener NONE = new TrainingListener() {};
}
