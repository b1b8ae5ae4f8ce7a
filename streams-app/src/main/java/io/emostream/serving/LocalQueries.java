package io.emostream.serving;

import io.emostream.alerts.AlertState;
import io.emostream.alerts.AlertTopology;
import io.emostream.avro.GroupType;
import io.emostream.avro.SpeakerRole;
import io.emostream.rollups.CallRollupState;
import io.emostream.rollups.CallRollupTopology;
import io.emostream.rollups.GroupAggregate;
import io.emostream.rollups.GroupWindowTopology;
import io.emostream.timeline.CallTimeline;
import io.emostream.timeline.TimelineTopology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Answers the REST API's questions from this instance's own stores only; {@link ApiHandler}
 * fans out to or forwards to other instances. Rollup and alert stores are keyed
 * {@code callId|ROLE}, the timeline store by callId, the agent windows by agentId.
 */
final class LocalQueries {

  private final StoreSource stores;

  LocalQueries(StoreSource stores) {
    this.stores = stores;
  }

  /**
   * Every active call hosted here (one with a timeline or a rollup, and not ended), most
   * recently updated first.
   */
  List<CallView> activeCalls() {
    TreeSet<String> callIds = new TreeSet<>();
    TreeSet<String> ended = new TreeSet<>();
    try (KeyValueIterator<String, CallTimeline> it = timelines().all()) {
      it.forEachRemaining(kv -> (kv.value.hasEnded() ? ended : callIds).add(kv.key));
    }
    try (KeyValueIterator<String, CallRollupState> it = rollups().all()) {
      it.forEachRemaining(kv -> callIds.add(callIdOf(kv.key)));
    }
    callIds.removeAll(ended);
    List<CallView> calls = new ArrayList<>();
    for (String callId : callIds) {
      calls.add(callView(callId, timelines().get(callId)));
    }
    calls.sort(Comparator.comparingLong(CallView::updatedAt).reversed().thenComparing(CallView::callId));
    return calls;
  }

  /**
   * One call hosted here, active or ended within the retention (then with its summary), or
   * empty when this instance does not know it.
   */
  Optional<CallDetailView> call(String callId) {
    CallTimeline timeline = timelines().get(callId);
    CallView view = callView(callId, timeline);
    if (timeline == null && view.roles().isEmpty() && view.openAlerts().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CallDetailView(view, timeline == null ? List.of() : timeline.utterances(),
        timeline == null ? List.of() : timeline.alerts(), timeline == null ? null : timeline.summary()));
  }

  /** Alerts open on calls hosted here, newest first. */
  List<OpenAlertView> openAlerts() {
    List<OpenAlertView> open = new ArrayList<>();
    try (KeyValueIterator<String, AlertState> it = alertStates().all()) {
      while (it.hasNext()) {
        KeyValue<String, AlertState> kv = it.next();
        OpenAlertView view = OpenAlertView.of(callIdOf(kv.key), roleOf(kv.key), kv.value);
        if (view != null) {
          open.add(view);
        }
      }
    }
    open.sort(Comparator.comparingLong(OpenAlertView::openedAt).reversed().thenComparing(OpenAlertView::alertId));
    return open;
  }

  /** The current window of every agent hosted here, by agent id. */
  List<AgentWindowView> agents() {
    Map<String, List<AgentWindowView>> byAgent = new TreeMap<>();
    try (KeyValueIterator<Windowed<String>, GroupAggregate> it = agentWindows().all()) {
      collect(it, byAgent);
    }
    List<AgentWindowView> out = new ArrayList<>();
    byAgent.values().forEach(windows -> out.add(AgentWindows.current(windows)));
    return out;
  }

  /**
   * An agent's windows hosted here, or empty when there are none. Scans the (retention-bounded)
   * store rather than fetching a key range over all time: the caching layer of a window store
   * walks such a range segment by segment, which takes minutes for a range of years.
   */
  Optional<AgentDetailView> agent(String agentId) {
    Map<String, List<AgentWindowView>> byAgent = new TreeMap<>();
    try (KeyValueIterator<Windowed<String>, GroupAggregate> it = agentWindows().all()) {
      collect(it, byAgent);
    }
    List<AgentWindowView> windows = byAgent.get(agentId);
    return windows == null ? Optional.empty() : Optional.of(AgentWindows.detail(agentId, windows));
  }

  private static void collect(KeyValueIterator<Windowed<String>, GroupAggregate> it,
      Map<String, List<AgentWindowView>> byAgent) {
    while (it.hasNext()) {
      KeyValue<Windowed<String>, GroupAggregate> kv = it.next();
      String agentId = kv.key.key();
      byAgent.computeIfAbsent(agentId, k -> new ArrayList<>()).add(AgentWindowView.of(
          kv.value.toWindow(GroupType.AGENT, agentId, kv.key.window().start(), kv.key.window().end())));
    }
  }

  private CallView callView(String callId, CallTimeline timeline) {
    Map<String, RoleRollupView> roles = new LinkedHashMap<>();
    List<OpenAlertView> open = new ArrayList<>();
    for (SpeakerRole role : SpeakerRole.values()) {
      String key = callId + "|" + role.name();
      CallRollupState rollup = rollups().get(key);
      if (rollup != null) {
        roles.put(role.name(), RoleRollupView.of(role.name(), rollup));
      }
      OpenAlertView alert = OpenAlertView.of(callId, role.name(), alertStates().get(key));
      if (alert != null) {
        open.add(alert);
      }
    }
    if (timeline == null) {
      return new CallView(callId, null, null, null, 0, 0, null, roles, open);
    }
    return new CallView(callId, timeline.tenant(), timeline.agentId(), timeline.queue(), timeline.startedAt(),
        timeline.updatedAt(), timeline.endedAt(), roles, open);
  }

  private ReadOnlyKeyValueStore<String, CallTimeline> timelines() {
    return stores.keyValue(TimelineTopology.STORE);
  }

  private ReadOnlyKeyValueStore<String, CallRollupState> rollups() {
    return stores.keyValue(CallRollupTopology.STORE);
  }

  private ReadOnlyKeyValueStore<String, AlertState> alertStates() {
    return stores.keyValue(AlertTopology.STORE);
  }

  private ReadOnlyWindowStore<String, GroupAggregate> agentWindows() {
    return stores.window(GroupWindowTopology.AGENT_STORE);
  }

  static String callIdOf(String storeKey) {
    int bar = storeKey.lastIndexOf('|');
    return bar < 0 ? storeKey : storeKey.substring(0, bar);
  }

  static String roleOf(String storeKey) {
    int bar = storeKey.lastIndexOf('|');
    return bar < 0 ? SpeakerRole.UNKNOWN.name() : storeKey.substring(bar + 1);
  }
}
