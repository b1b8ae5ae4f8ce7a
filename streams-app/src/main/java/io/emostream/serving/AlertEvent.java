package io.emostream.serving;

import io.emostream.avro.CallContext;
import io.emostream.avro.EmotionAlert;
import java.util.List;

/**
 * An alert as the event stream sends it ({@code event: alert}): every field of
 * {@link EmotionAlert} as plain JSON (times as epoch ms).
 */
public record AlertEvent(String alertId, String callId, String role, int channel, String status, String rule,
    String severity, List<String> evidenceUtteranceIds, double ewmaNegative, int consecutiveNegative,
    long openedAt, long timestamp, long callOffsetMs, String tenant, String agentId, String queue, String message,
    String resolution) {

  /** The event for {@code a}. */
  public static AlertEvent of(EmotionAlert a) {
    CallContext c = a.getContext();
    return new AlertEvent(a.getAlertId(), a.getCallId(), a.getRole().name(), a.getChannel(), a.getStatus().name(),
        a.getRule(), a.getSeverity().name(), List.copyOf(a.getEvidenceUtteranceIds()), a.getEwmaNegative(),
        a.getConsecutiveNegative(), a.getOpenedAt().toEpochMilli(), a.getTimestamp().toEpochMilli(),
        a.getCallOffsetMs(), c == null ? null : c.getTenant(), c == null ? null : c.getAgentId(),
        c == null ? null : c.getQueue(), a.getMessage(), a.getResolution() == null ? null : a.getResolution().name());
  }
}
