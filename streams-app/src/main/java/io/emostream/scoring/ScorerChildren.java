package io.emostream.scoring;

import java.util.List;
import java.util.Objects;

/**
 * Where the {@link EmotionScorer} forwards what it produces.
 *
 * @param scoredSink     sink node of {@code emotion.utterances}: scored utterances only
 * @param deadLetterSink sink node of the dead-letter topic: utterances that could not be scored
 * @param downstream     processors that get every scored utterance and every call event, in order
 */
public record ScorerChildren(String scoredSink, String deadLetterSink, List<String> downstream) {

  public ScorerChildren {
    Objects.requireNonNull(scoredSink, "scoredSink");
    Objects.requireNonNull(deadLetterSink, "deadLetterSink");
    downstream = List.copyOf(downstream);
  }
}
