package io.emostream.timeline;

import io.emostream.avro.CallContext;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a bounded {@link CallTimeline} per active call (callId to timeline) for the serving
 * layer's {@code /api/calls/{id}}, fed by the alert detector with scored utterances, alerts and
 * call events in call order.
 *
 * <p>The store is changelogged and lives in the same task as the call's rollups and alert
 * state, so one interactive query host answers for all of a call, and a restarted or
 * rebalanced instance serves the same timeline. CALL_ENDED drops the call, keeping the store
 * bounded by the active calls times {@code maxEntries}. This is a terminal node: it forwards
 * nothing.
 */
public final class CallTimelineProcessor implements Processor<String, Object, Void, Void> {

  /** Entries kept per list and call when not configured otherwise. */
  public static final int DEFAULT_MAX_ENTRIES = 100;

  private final String storeName;
  private final int maxEntries;
  private KeyValueStore<String, CallTimeline> store;

  /**
   * @param storeName  store of {@link CallTimeline} keyed by callId
   * @param maxEntries utterances (and alerts) kept per call, at least 1
   */
  public CallTimelineProcessor(String storeName, int maxEntries) {
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Object> record) {
    Object value = record.value();
    long ts = record.timestamp();
    if (value instanceof ScoredUtterance u) {
      CallTimeline timeline = current(u.getCallId(), ts);
      CallContext c = u.getContext();
      if (c != null) {
        timeline = timeline.withContext(c.getTenant(), c.getAgentId(), c.getQueue(), ts);
      }
      store.put(u.getCallId(), timeline.plus(TimelineUtterance.of(u), maxEntries, ts));
    } else if (value instanceof EmotionAlert a) {
      store.put(a.getCallId(), current(a.getCallId(), ts).plus(TimelineAlert.of(a), maxEntries, ts));
    } else if (value instanceof CallEvent event) {
      if (event.getType() == CallEventType.CALL_ENDED) {
        store.delete(event.getCallId());
      } else if (event.getType() == CallEventType.CALL_STARTED) {
        store.put(event.getCallId(), current(event.getCallId(), ts)
            .withContext(event.getTenant(), event.getAgentId(), event.getQueue(), ts));
      }
    }
  }

  private CallTimeline current(String callId, long timestamp) {
    CallTimeline existing = store.get(callId);
    return existing != null ? existing : CallTimeline.start(callId, timestamp);
  }
}
