package io.emostream.model.batching;

/**
 * What happened to one batch the worker sent to the model.
 *
 * @param size               utterances in the batch
 * @param maxQueueNanos      longest any of its utterances waited between submit and the model call
 * @param meanQueueNanos     mean wait of its utterances
 * @param modelNanos         time inside the model call
 * @param audioPaddingRatio  share of the padded audio tensor that is padding (0 = none), 0 without audio
 * @param textPaddingRatio   share of the padded text (by characters, a proxy for tokens) that is padding
 * @param failure            why the model call failed, or {@code null} when it succeeded
 */
public record BatchEvent(
    int size,
    long maxQueueNanos,
    long meanQueueNanos,
    long modelNanos,
    double audioPaddingRatio,
    double textPaddingRatio,
    Throwable failure) {

  /** Whether the model call failed (and so did every caller waiting on this batch). */
  public boolean failed() {
    return failure != null;
  }
}
