package io.emostream.model.training;

import io.emostream.model.djl.BatchEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Orders an epoch and applies modality dropout, deterministically from a {@link Random}.
 *
 * <p>Examples are shuffled, then sorted by length inside windows of 50 batches and cut into
 * batches, and the batches shuffled again: batches hold similar lengths (much less padding, a
 * large speed-up on CPU) while the epoch order stays random.
 */
final class BatchPlanner {

  private static final int SORT_WINDOW_BATCHES = 50;

  private BatchPlanner() {}

  static List<List<PreparedExample>> epoch(List<PreparedExample> train, int batchSize, Random random) {
    List<PreparedExample> order = new ArrayList<>(train);
    Collections.shuffle(order, random);
    List<List<PreparedExample>> batches = new ArrayList<>();
    int window = batchSize * SORT_WINDOW_BATCHES;
    for (int w = 0; w < order.size(); w += window) {
      List<PreparedExample> chunk = new ArrayList<>(order.subList(w, Math.min(order.size(), w + window)));
      chunk.sort(Comparator.comparingInt(PreparedExample::length));
      for (int b = 0; b < chunk.size(); b += batchSize) {
        List<PreparedExample> batch = chunk.subList(b, Math.min(chunk.size(), b + batchSize));
        if (batch.size() >= 2) { // a lone leftover row gives no contrastive pairs and a noisy step
          batches.add(List.copyOf(batch));
        }
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }

  /**
   * The inputs each example is shown this step: with probability {@code p/2} audio only, with
   * {@code p/2} text only, else both. Examples that lack a modality are shown what they have, and
   * an example whose target says nothing about the voice (a sentence spoken by a plain voice: the
   * words decide) is never shown its audio alone, which would ask the voice to guess the words.
   */
  static List<BatchEncoder.Prepared> withModalityDropout(List<PreparedExample> batch, float p, Random random) {
    List<BatchEncoder.Prepared> out = new ArrayList<>(batch.size());
    for (PreparedExample e : batch) {
      double draw = random.nextDouble();
      if (e.hasAudio() && e.hasText() && draw < p / 2 && e.target().audio() != null) {
        out.add(e.audioOnly());
      } else if (e.hasAudio() && e.hasText() && draw < p) {
        out.add(e.textOnly());
      } else {
        out.add(e.prepared());
      }
    }
    return out;
  }
}
