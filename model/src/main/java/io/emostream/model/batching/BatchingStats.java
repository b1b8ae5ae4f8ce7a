package io.emostream.model.batching;

/**
 * Accumulates {@link BatchEvent}s into the totals behind {@link BatchingSnapshot}.
 * Thread-safe: one lock, held for a few additions per batch.
 */
final class BatchingStats implements BatchingListener {

  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private final long[] batchSizeCounts;
  private long batches;
  private long failedBatches;
  private long utterances;
  private long rejected;
  private double queueNanosSum;
  private long maxQueueNanos;
  private long modelNanosSum;
  private long maxModelNanos;
  private double audioPaddingSum;
  private double textPaddingSum;

  BatchingStats(int maxBatch) {
    this.batchSizeCounts = new long[maxBatch + 1];
  }

  @Override
  public synchronized void onBatch(BatchEvent event) {
    batches++;
    if (event.failed()) {
      failedBatches++;
    }
    utterances += event.size();
    batchSizeCounts[Math.min(event.size(), batchSizeCounts.length - 1)]++;
    queueNanosSum += (double) event.meanQueueNanos() * event.size();
    maxQueueNanos = Math.max(maxQueueNanos, event.maxQueueNanos());
    modelNanosSum += event.modelNanos();
    maxModelNanos = Math.max(maxModelNanos, event.modelNanos());
    audioPaddingSum += event.audioPaddingRatio();
    textPaddingSum += event.textPaddingRatio();
  }

  @Override
  public synchronized void onRejected(int count) {
    rejected += count;
  }

  synchronized BatchingSnapshot snapshot(int queued) {
    return new BatchingSnapshot(
        batches,
        failedBatches,
        utterances,
        rejected,
        queued,
        batchSizeCounts,
        utterances == 0 ? 0 : queueNanosSum / utterances / NANOS_PER_MILLI,
        maxQueueNanos / NANOS_PER_MILLI,
        batches == 0 ? 0 : modelNanosSum / (double) batches / NANOS_PER_MILLI,
        maxModelNanos / NANOS_PER_MILLI,
        batches == 0 ? 0 : audioPaddingSum / batches,
        batches == 0 ? 0 : textPaddingSum / batches);
  }
}
