package io.emostream.model.batching;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's submit: its future and the slots its utterances' predictions fill, in the
 * caller's order, whichever batches they end up in. Thread-safe.
 */
final class PendingRequest {

  private final CompletableFuture<List<BatchedPrediction>> future = new CompletableFuture<>();
  private final BatchedPrediction[] results;
  private int remaining;

  PendingRequest(int size) {
    this.results = new BatchedPrediction[size];
    this.remaining = size;
  }

  CompletableFuture<List<BatchedPrediction>> future() {
    return future;
  }

  /** Whether the caller no longer waits (done, failed by another batch, or cancelled). */
  boolean isDone() {
    return future.isDone();
  }

  synchronized void complete(int index, BatchedPrediction prediction) {
    if (future.isDone() || results[index] != null) {
      return;
    }
    results[index] = prediction;
    if (--remaining == 0) {
      future.complete(List.copyOf(Arrays.asList(results)));
    }
  }

  void fail(Throwable cause) {
    future.completeExceptionally(cause);
  }
}
