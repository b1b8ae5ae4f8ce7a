package io.emostream.model.batching;

import io.emostream.model.UtteranceInput;

/**
 * One queued utterance: where its prediction goes, when it arrived, and, once a preparer has
 * been at it, what the model's preparation made of it. The preparation fields are written and
 * read under the batcher's lock.
 */
final class PendingUtterance {

  private final PendingRequest request;
  private final int index;
  private final UtteranceInput input;
  private final long enqueuedNanos;
  private Object prepared; // guarded by the batcher's lock
  private boolean ready; // guarded by the batcher's lock

  /**
   * @param request       the caller's submit it belongs to
   * @param index         its position in that submit
   * @param input         the utterance
   * @param enqueuedNanos {@link System#nanoTime()} when it entered the queue
   */
  PendingUtterance(PendingRequest request, int index, UtteranceInput input, long enqueuedNanos) {
    this.request = request;
    this.index = index;
    this.input = input;
    this.enqueuedNanos = enqueuedNanos;
  }

  PendingRequest request() {
    return request;
  }

  int index() {
    return index;
  }

  UtteranceInput input() {
    return input;
  }

  long enqueuedNanos() {
    return enqueuedNanos;
  }

  /** What the model's preparation returned; null until {@link #ready}. */
  Object prepared() {
    return prepared;
  }

  /** Whether it may go into a batch (prepared, or needing no preparation). */
  boolean ready() {
    return ready;
  }

  void markReady(Object preparedValue) {
    this.prepared = preparedValue;
    this.ready = true;
  }

  int audioLength() {
    return input.audio() == null ? 0 : input.audio().length;
  }

  int textLength() {
    return input.text() == null ? 0 : input.text().length();
  }
}
