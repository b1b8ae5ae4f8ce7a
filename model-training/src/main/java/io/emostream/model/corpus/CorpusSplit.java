package io.emostream.model.corpus;

import java.util.Locale;

/** The speaker-disjoint parts of the corpus, with the share of speakers (and utterances) each gets. */
public enum CorpusSplit {
  TRAIN(0.70),
  DEV(0.15),
  TEST(0.15);

  private final double share;

  CorpusSplit(double share) {
    this.share = share;
  }

  /** Fraction of speakers and utterances in this split. */
  public double share() {
    return share;
  }

  /** {@code "train"}, {@code "dev"} or {@code "test"}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
