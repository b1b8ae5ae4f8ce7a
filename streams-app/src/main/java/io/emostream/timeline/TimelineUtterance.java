package io.emostream.timeline;

import io.emostream.avro.ScoredUtterance;
import io.emostream.common.FeatureApi;

/**
 * One scored utterance as the timeline keeps it: what the dashboard draws, without
 * probabilities, audio or model details. Immutable.
 *
 * @param utteranceId the utterance
 * @param role        AGENT, CUSTOMER or UNKNOWN
 * @param channel     audio channel
 * @param startMs     call time the utterance starts at
 * @param endMs       call time it ends at
 * @param label       NEUTRAL, HAPPY, ANGRY or SAD
 * @param valence     in [-1, 1]
 * @param arousal     in [-1, 1]
 * @param confidence  the model's confidence in the label
 * @param text        the transcript when the app publishes text, else null
 * @param scoredAt    epoch ms it was scored at
 */
@FeatureApi
public record TimelineUtterance(
    String utteranceId,
    String role,
    int channel,
    long startMs,
    long endMs,
    String label,
    double valence,
    double arousal,
    double confidence,
    String text,
    long scoredAt) {

  /** The timeline entry of {@code u}. */
  public static TimelineUtterance of(ScoredUtterance u) {
    return new TimelineUtterance(u.getUtteranceId(), u.getRole().name(), u.getChannel(), u.getStartMs(),
        u.getEndMs(), u.getLabel().name(), u.getValence(), u.getArousal(), u.getConfidence(), u.getText(),
        u.getTimings().getScoredAt().toEpochMilli());
  }
}
