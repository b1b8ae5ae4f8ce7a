package io.emostream.model.batching;

import io.emostream.model.ModelException;

/**
 * The batcher was closed before it scored an utterance, or refused one because it is closing.
 * Nothing is wrong with the utterance: a caller that keeps its work in durable state (the
 * stream scorer's pending store) scores it again after the restart instead of giving up on it.
 */
public class BatcherClosedException extends ModelException {

  public BatcherClosedException(String message) {
    super(message);
  }
}
