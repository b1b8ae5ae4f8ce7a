package io.emostream.model.batching;

/**
 * Receives the batcher's measurements as they happen, so an application can feed its own
 * metrics system (the streams app maps them to Prometheus) without this module depending on
 * one. Called on the batcher's worker thread (batches) or the submitting thread (rejections):
 * implementations must be quick and thread-safe, and must not throw.
 */
public interface BatchingListener {

  /** A batch finished, successfully or not. */
  default void onBatch(BatchEvent event) {}

  /** A submit of {@code utterances} utterances gave up because the queue stayed full. */
  default void onRejected(int utterances) {}

  /** A listener that ignores everything. */
  BatchingListener NONE = new BatchingListener() {};
}
