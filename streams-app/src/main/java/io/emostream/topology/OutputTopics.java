package io.emostream.topology;

import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.topics.Topic;
import java.util.Objects;

/**
 * The topics the features after assembly write, one per feature.
 *
 * @param utterances  {@code emotion.utterances} (scoring)
 * @param calls       {@code emotion.calls} (rollups)
 * @param summaries   {@code emotion.call-summaries} (summaries)
 * @param alerts      {@code emotion.alerts} (alerts)
 * @param deadLetters {@code emotion.dead-letters}: raw bytes with error headers (scoring)
 */
public record OutputTopics(
    Topic<String, ScoredUtterance> utterances,
    Topic<String, CallEmotionRollup> calls,
    Topic<String, CallEmotionSummary> summaries,
    Topic<String, EmotionAlert> alerts,
    Topic<String, byte[]> deadLetters) {

  public OutputTopics {
    Objects.requireNonNull(utterances, "utterances");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(deadLetters, "deadLetters");
  }
}
