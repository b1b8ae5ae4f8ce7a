package io.emostream.model.batching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Chooses which waiting utterances go into the next batch.
 *
 * <p>The waiting utterances are sorted by audio length, then text length, and the batch is the
 * run of {@code maxBatch} neighbours in that order with the smallest length spread, so little of
 * the padded tensors is padding. The run always contains the oldest waiting utterance, so no
 * utterance waits behind newer ones beyond the batcher's delay: length sorting never starves.
 */
final class BatchPlanner {

  /**
   * Text counts as audio at about 16 characters per second of speech (1 000 samples at 16 kHz
   * per character), so a batch mixing 2 s and 10 s transcripts is as costly as mixed audio.
   */
  private static final long SAMPLES_PER_CHAR = 1_000;

  private static final Comparator<PendingUtterance> BY_LENGTH =
      Comparator.comparingInt(PendingUtterance::audioLength).thenComparingInt(PendingUtterance::textLength);

  private BatchPlanner() {}

  /**
   * Removes the next batch from {@code pending} and returns it, in length order.
   *
   * @param pending  waiting utterances, oldest first; changed in place
   * @param maxBatch the most to take
   */
  static List<PendingUtterance> take(List<PendingUtterance> pending, int maxBatch) {
    if (pending.size() <= maxBatch) {
      List<PendingUtterance> all = new ArrayList<>(pending);
      all.sort(BY_LENGTH);
      pending.clear();
      return all;
    }
    PendingUtterance oldest = pending.get(0);
    List<PendingUtterance> sorted = new ArrayList<>(pending);
    sorted.sort(BY_LENGTH);
    int oldestAt = indexOfIdentity(sorted, oldest);
    int bestStart = Math.max(0, oldestAt - maxBatch + 1);
    long bestCost = Long.MAX_VALUE;
    for (int start = bestStart; start <= Math.min(oldestAt, sorted.size() - maxBatch); start++) {
      long cost = spread(sorted.subList(start, start + maxBatch));
      if (cost < bestCost) {
        bestCost = cost;
        bestStart = start;
      }
    }
    List<PendingUtterance> batch = new ArrayList<>(sorted.subList(bestStart, bestStart + maxBatch));
    Set<PendingUtterance> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    taken.addAll(batch);
    pending.removeIf(taken::contains);
    return batch;
  }

  /** Length spread of a run sorted by audio length: audio max - min plus text max - min. */
  private static long spread(List<PendingUtterance> run) {
    long audio = (long) run.get(run.size() - 1).audioLength() - run.get(0).audioLength();
    int minText = Integer.MAX_VALUE;
    int maxText = 0;
    for (PendingUtterance u : run) {
      minText = Math.min(minText, u.textLength());
      maxText = Math.max(maxText, u.textLength());
    }
    return audio + (long) (maxText - minText) * SAMPLES_PER_CHAR;
  }

  private static int indexOfIdentity(List<PendingUtterance> list, PendingUtterance item) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == item) {
        return i;
      }
    }
    throw new IllegalStateException("oldest utterance vanished while planning a batch");
  }
}
