package io.emostream.timeline;

import io.emostream.avro.EmotionAlert;
import io.emostream.common.FeatureApi;

/**
 * One alert event of a call as the timeline keeps it. Immutable.
 *
 * @param alertId   shared by an alert's OPENED and RESOLVED events
 * @param role      the speaker the alert is about
 * @param status    OPENED or RESOLVED
 * @param severity  WARNING or CRITICAL
 * @param rule      the rule that fired
 * @param timestamp epoch ms of the event
 * @param message   a human-readable description
 * @param resolution for RESOLVED: CALMED or CALL_ENDED; null for OPENED
 */
@FeatureApi
public record TimelineAlert(String alertId, String role, String status, String severity, String rule,
    long timestamp, String message, String resolution) {

  /** The timeline entry of {@code a}. */
  public static TimelineAlert of(EmotionAlert a) {
    return new TimelineAlert(a.getAlertId(), a.getRole().name(), a.getStatus().name(), a.getSeverity().name(),
        a.getRule(), a.getTimestamp().toEpochMilli(), a.getMessage(),
        a.getResolution() == null ? null : a.getResolution().name());
  }
}
