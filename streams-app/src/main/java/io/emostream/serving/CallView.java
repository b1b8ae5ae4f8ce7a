package io.emostream.serving;

import java.util.List;
import java.util.Map;

/**
 * A call with its latest rollup per role, as {@code /api/calls/active} lists it (active calls
 * only) and {@code /api/calls/{id}} shows it (also a call ended within the retention).
 *
 * @param callId     the call
 * @param tenant     from CALL_STARTED, or null
 * @param agentId    from CALL_STARTED, or null
 * @param queue      from CALL_STARTED, or null
 * @param startedAt  epoch ms of the first record seen, or 0 when unknown
 * @param updatedAt  epoch ms of the latest record seen, or 0 when unknown
 * @param endedAt    epoch ms of CALL_ENDED, or null while the call is active
 * @param roles      latest rollup by role name (AGENT, CUSTOMER ...); empty before any utterance
 * @param openAlerts alerts open on the call now
 */
public record CallView(String callId, String tenant, String agentId, String queue, long startedAt, long updatedAt,
    Long endedAt, Map<String, RoleRollupView> roles, List<OpenAlertView> openAlerts) {

  public CallView {
    roles = Map.copyOf(roles);
    openAlerts = List.copyOf(openAlerts);
  }
}
