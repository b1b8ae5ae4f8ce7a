package io.emostream.model.batching;

/**
 * The batcher's counters since it started, at one moment. Immutable.
 *
 * @param batches             batches sent to the model (including failed ones)
 * @param failedBatches       batches whose model call failed
 * @param utterances          utterances sent to the model
 * @param rejectedUtterances  utterances refused because the queue stayed full
 * @param queued              utterances waiting right now
 * @param batchSizeCounts     {@code batchSizeCounts[n]} = batches of exactly n utterances (index 0 unused)
 * @param meanQueueMillis     mean wait from submit to model call, per utterance
 * @param maxQueueMillis      longest wait seen
 * @param meanModelMillis     mean model time per batch
 * @param maxModelMillis      longest model time per batch
 * @param meanAudioPadding    mean share of padding in the audio tensor, per batch
 * @param meanTextPadding     mean share of padding in the text, per batch
 */
public record BatchingSnapshot(
    long batches,
    long failedBatches,
    long utterances,
    long rejectedUtterances,
    int queued,
    long[] batchSizeCounts,
    double meanQueueMillis,
    double maxQueueMillis,
    double meanModelMillis,
    double maxModelMillis,
    double meanAudioPadding,
    double meanTextPadding) {

  public BatchingSnapshot {
    batchSizeCounts = batchSizeCounts.clone();
  }

  @Override
  public long[] batchSizeCounts() {
    return batchSizeCounts.clone();
  }

  /** Mean utterances per batch, 0 before the first batch. */
  public double meanBatchSize() {
    return batches == 0 ? 0 : (double) utterances / batches;
  }
}
