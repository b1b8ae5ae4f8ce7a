package io.emostream.serving;

import io.emostream.alerts.AlertState;

/**
 * An alert that is open right now, from the alert state store.
 *
 * @param alertId      shared by the alert's OPENED and (later) RESOLVED events
 * @param callId       the call
 * @param role         the speaker it is about
 * @param rule         CONSECUTIVE_NEGATIVE or NEGATIVE_EWMA
 * @param severity     WARNING or CRITICAL
 * @param openedAt     epoch ms it opened at
 * @param callOffsetMs call time it opened at
 * @param ewmaNegative the speaker's negativity EWMA now
 * @param tenant       the call's tenant, or null
 * @param agentId      the call's agent, or null
 * @param queue        the call's queue, or null
 */
public record OpenAlertView(String alertId, String callId, String role, String rule, String severity,
    long openedAt, long callOffsetMs, double ewmaNegative, String tenant, String agentId, String queue) {

  /** The open alert in {@code state}, or null when none is open. */
  public static OpenAlertView of(String callId, String role, AlertState state) {
    AlertState.OpenEpisode open = state == null ? null : state.open();
    if (open == null) {
      return null;
    }
    return new OpenAlertView(open.alertId(), callId, role, open.rule(), open.critical() ? "CRITICAL" : "WARNING",
        open.openedAt(), open.openedAtCallMs(), state.ewmaNegative(), open.tenant(), open.agentId(), open.queue());
  }
}
