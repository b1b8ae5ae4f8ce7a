package io.emostream.model.batching;

import io.emostream.model.ModelException;

/**
 * The batcher's queue stayed full for the whole submit timeout: the model is slower than the
 * rate utterances arrive. Callers should retry later or slow down (Kafka Streams: let the
 * record be retried); raising the queue capacity only hides a lasting overload.
 */
public class QueueFullException extends ModelException {

  public QueueFullException(String message) {
    super(message);
  }
}
