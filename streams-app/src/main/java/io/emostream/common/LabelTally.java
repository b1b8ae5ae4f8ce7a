package io.emostream.common;

import io.emostream.avro.EmotionLabel;
import io.emostream.avro.LabelCounts;

/** Builds {@link LabelCounts} from labels. */
public final class LabelTally {

  private LabelTally() {}

  /** Counts of the labels in {@code labels}. */
  public static LabelCounts of(Iterable<EmotionLabel> labels) {
    long[] counts = new long[EmotionLabel.values().length];
    for (EmotionLabel label : labels) {
      counts[label.ordinal()]++;
    }
    return fromOrdinals(counts);
  }

  /** {@link LabelCounts} from counts indexed by {@link EmotionLabel} ordinal. */
  public static LabelCounts fromOrdinals(long[] counts) {
    return new LabelCounts(counts[EmotionLabel.NEUTRAL.ordinal()], counts[EmotionLabel.HAPPY.ordinal()],
        counts[EmotionLabel.ANGRY.ordinal()], counts[EmotionLabel.SAD.ordinal()]);
  }
}
