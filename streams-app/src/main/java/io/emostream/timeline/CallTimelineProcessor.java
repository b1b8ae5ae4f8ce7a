package io.emostream.timeline;

import io.emostream.avro.CallContext;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ScoredUtterance;
import io.emostream.common.CallFlow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a bounded {@link CallTimeline} per call (callId to timeline) for the serving layer's
 * {@code /api/calls/{id}}, fed by the alert detector with scored utterances, alerts and call
 * events in call order, and by the summary processor with each call's summary.
 *
 * <p>The store is changelogged and lives in the same task as the call's rollups and alert
 * state, so one interactive query host answers for all of a call, and a restarted or
 * rebalanced instance serves the same timeline. CALL_ENDED marks the call ended and keeps it,
 * with its summary, for {@code endedRetention} of wall-clock time, so a supervisor can still
 * open a call that just finished; a wall-clock punctuator then drops it. The store stays
 * bounded by the active calls plus the calls ended within the retention, times
 * {@code maxEntries}. A retention of zero drops a call at CALL_ENDED. This is a terminal node:
 * it forwards nothing.
 */
public final class CallTimelineProcessor implements Processor<String, CallFlow, Void, Void> {

  /** Longest pause between sweeps for ended calls past their retention. */
  private static final Duration MAX_SWEEP_INTERVAL = Duration.ofMinutes(1);

  private final String storeName;
  private final int maxEntries;
  private final Duration endedRetention;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, CallTimeline> store;

  /**
   * @param storeName      store of {@link CallTimeline} keyed by callId
   * @param maxEntries     utterances (and alerts) kept per call, at least 1
   * @param endedRetention how long an ended call stays queryable; zero drops it at once
   */
  public CallTimelineProcessor(String storeName, int maxEntries, Duration endedRetention) {
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.endedRetention = Objects.requireNonNull(endedRetention, "endedRetention");
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    if (!endedRetention.isZero()) {
      Duration interval = endedRetention.dividedBy(4);
      interval = interval.compareTo(MAX_SWEEP_INTERVAL) > 0 ? MAX_SWEEP_INTERVAL
          : interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval;
      context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
    }
  }

  @Override
  public void process(Record<String, CallFlow> record) {
    CallFlow flow = record.value();
    long ts = record.timestamp();
    if (flow instanceof CallFlow.Scored scored) {
      ScoredUtterance u = scored.utterance();
      CallTimeline timeline = current(u.getCallId(), ts);
      CallContext c = u.getContext();
      if (c != null) {
        timeline = timeline.withContext(c.getTenant(), c.getAgentId(), c.getQueue(), ts);
      }
      store.put(u.getCallId(), timeline.plus(TimelineUtterance.of(u), maxEntries, ts));
    } else if (flow instanceof CallFlow.Alert raised) {
      store.put(raised.callId(), current(raised.callId(), ts).plus(TimelineAlert.of(raised.alert()), maxEntries, ts));
    } else if (flow instanceof CallFlow.Summary summary) {
      if (!endedRetention.isZero()) {
        store.put(summary.callId(), current(summary.callId(), ts)
            .withSummary(TimelineSummary.of(summary.summary()), ts));
      }
    } else if (flow instanceof CallFlow.Event e) {
      CallEvent event = e.event();
      if (event.getType() == CallEventType.CALL_ENDED) {
        if (endedRetention.isZero()) {
          store.delete(event.getCallId());
        } else {
          store.put(event.getCallId(), current(event.getCallId(), ts)
              .ended(ts, context.currentSystemTimeMs() + endedRetention.toMillis()));
        }
      } else if (event.getType() == CallEventType.CALL_STARTED) {
        store.put(event.getCallId(), current(event.getCallId(), ts)
            .withContext(event.getTenant(), event.getAgentId(), event.getQueue(), ts));
      }
    }
  }

  private void forgetExpired(long now) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, CallTimeline> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, CallTimeline> kv = it.next();
        if (kv.value.forgetAt() != null && kv.value.forgetAt() <= now) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(store::delete);
  }

  private CallTimeline current(String callId, long timestamp) {
    CallTimeline existing = store.get(callId);
    return existing != null ? existing : CallTimeline.start(callId, timestamp);
  }
}
