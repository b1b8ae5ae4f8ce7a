package io.emostream.model.batching;

import io.emostream.model.UtteranceInput;

/**
 * One queued utterance: where its prediction goes and when it arrived.
 *
 * @param request       the caller's submit it belongs to
 * @param index         its position in that submit
 * @param input         the utterance
 * @param enqueuedNanos {@link System#nanoTime()} when it entered the queue
 */
record PendingUtterance(PendingRequest request, int index, UtteranceInput input, long enqueuedNanos) {

  int audioLength() {
    return input.audio() == null ? 0 : input.audio().length;
  }

  int textLength() {
    return input.text() == null ? 0 : input.text().length();
  }
}
