package io.emostream.model.data;

import java.util.Objects;

/**
 * A transcript-like sentence with only its valence known: real text (review sentences labelled
 * positive or negative by their writers) or real unlabelled text labelled by the lexicon teacher.
 * The trainer shows it text-only and asks that the probability mass of the matching label group
 * (happy for positive; angry or sad for negative; neutral for neutral) be high.
 *
 * @param id       unique within its source
 * @param text     the sentence
 * @param polarity +1 positive, -1 negative, 0 neutral
 * @param source   where it comes from, for provenance
 */
public record ValenceText(String id, String text, int polarity, String source) {

  public ValenceText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (polarity < -1 || polarity > 1) {
      throw new IllegalArgumentException("polarity of " + id + " must be -1, 0 or 1, got " + polarity);
    }
  }
}
