package io.emostream.scoring;

import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.topics.Topic;
import java.util.Objects;

/**
 * The topics the scoring part of the topology writes.
 *
 * @param utterances  {@code emotion.utterances}
 * @param calls       {@code emotion.calls}
 * @param summaries   {@code emotion.call-summaries}
 * @param alerts      {@code emotion.alerts}
 * @param deadLetters {@code emotion.dead-letters}: raw bytes with error headers
 */
public record ScoringTopics(
    Topic<String, ScoredUtterance> utterances,
    Topic<String, CallEmotionRollup> calls,
    Topic<String, CallEmotionSummary> summaries,
    Topic<String, EmotionAlert> alerts,
    Topic<String, byte[]> deadLetters) {

  public ScoringTopics {
    Objects.requireNonNull(utterances, "utterances");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(deadLetters, "deadLetters");
  }
}
