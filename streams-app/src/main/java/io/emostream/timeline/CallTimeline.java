package io.emostream.timeline;

import io.emostream.common.FeatureApi;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent history of one call as the dashboard shows it: who is on the call, its most recent
 * scored utterances and the alerts raised on it, each list oldest first and capped; once the
 * call has ended, also when and its summary, kept for the configured retention. Immutable;
 * stored as JSON in the changelogged timeline store.
 *
 * @param callId     the call
 * @param tenant     tenant from CALL_STARTED, or null
 * @param agentId    agent from CALL_STARTED, or null
 * @param queue      queue from CALL_STARTED, or null
 * @param startedAt  epoch ms of the first record seen for the call
 * @param updatedAt  epoch ms of the latest record seen for the call
 * @param utterances recent scored utterances, oldest first, at most the configured size
 * @param alerts     recent alert events (OPENED and RESOLVED), oldest first, same cap
 * @param endedAt    epoch ms of CALL_ENDED, or null while the call is active
 * @param forgetAt   wall-clock epoch ms after which an ended call is dropped, or null while active
 * @param summary    the call's summary once it ended, or null
 */
@FeatureApi
public record CallTimeline(
    String callId,
    String tenant,
    String agentId,
    String queue,
    long startedAt,
    long updatedAt,
    List<TimelineUtterance> utterances,
    List<TimelineAlert> alerts,
    Long endedAt,
    Long forgetAt,
    TimelineSummary summary) {

  public CallTimeline {
    utterances = utterances == null ? List.of() : List.copyOf(utterances);
    alerts = alerts == null ? List.of() : List.copyOf(alerts);
  }

  /** A call seen for the first time at {@code timestamp}. */
  public static CallTimeline start(String callId, long timestamp) {
    return new CallTimeline(callId, null, null, null, timestamp, timestamp, List.of(), List.of(),
        null, null, null);
  }

  /** This timeline with the call's enrichment set (null values keep what is known). */
  public CallTimeline withContext(String newTenant, String newAgentId, String newQueue, long timestamp) {
    return new CallTimeline(callId, newTenant != null ? newTenant : tenant,
        newAgentId != null ? newAgentId : agentId, newQueue != null ? newQueue : queue,
        startedAt, Math.max(updatedAt, timestamp), utterances, alerts, endedAt, forgetAt, summary);
  }

  /** This timeline with {@code u} appended, dropping the oldest beyond {@code max}. */
  public CallTimeline plus(TimelineUtterance u, int max, long timestamp) {
    return new CallTimeline(callId, tenant, agentId, queue, startedAt, Math.max(updatedAt, timestamp),
        capped(utterances, u, max), alerts, endedAt, forgetAt, summary);
  }

  /** This timeline with {@code a} appended, dropping the oldest beyond {@code max}. */
  public CallTimeline plus(TimelineAlert a, int max, long timestamp) {
    return new CallTimeline(callId, tenant, agentId, queue, startedAt, Math.max(updatedAt, timestamp),
        utterances, capped(alerts, a, max), endedAt, forgetAt, summary);
  }

  /** This timeline with the call's summary. */
  public CallTimeline withSummary(TimelineSummary s, long timestamp) {
    return new CallTimeline(callId, tenant, agentId, queue, startedAt, Math.max(updatedAt, timestamp),
        utterances, alerts, endedAt, forgetAt, s);
  }

  /** This timeline of a call that ended at {@code timestamp}, to be dropped after {@code forget}. */
  public CallTimeline ended(long timestamp, long forget) {
    return new CallTimeline(callId, tenant, agentId, queue, startedAt, Math.max(updatedAt, timestamp),
        utterances, alerts, timestamp, forget, summary);
  }

  /** Whether CALL_ENDED has been seen. */
  public boolean hasEnded() {
    return endedAt != null;
  }

  private static <T> List<T> capped(List<T> list, T added, int max) {
    List<T> out = new ArrayList<>(list.size() + 1);
    out.addAll(list);
    out.add(added);
    return out.size() > max ? out.subList(out.size() - max, out.size()) : out;
  }
}
