package io.emostream.summaries;

import io.emostream.avro.AlertStatus;
import io.emostream.avro.CallContext;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.EmotionPeak;
import io.emostream.avro.RoleSummary;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.common.CallFlow;
import io.emostream.common.LabelTally;
import io.emostream.summaries.CallSummaryState.RoleTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Accumulates each call's emotional shape and publishes one {@link CallEmotionSummary} per
 * call on CALL_ENDED, keyed by callId, then forgets the call.
 *
 * <p>Input, in order: call events, scored utterances and the {@link EmotionAlert}s of the
 * alert detector (which also orders the call's alerts before its CALL_ENDED). Because the
 * scorer forwards CALL_ENDED only after the call's last scored utterance, the summary covers
 * every utterance of the call.
 */
public final class CallSummaryProcessor implements Processor<String, CallFlow, String, CallFlow> {

  private final String storeName;
  private final SummaryConfig config;
  private ProcessorContext<String, CallFlow> context;
  private KeyValueStore<String, CallSummaryState> store;

  public CallSummaryProcessor(String storeName, SummaryConfig config) {
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public void init(ProcessorContext<String, CallFlow> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CallFlow> record) {
    CallFlow flow = record.value();
    if (flow instanceof CallFlow.Scored scored) {
      ScoredUtterance u = scored.utterance();
      store.put(u.getCallId(), current(u.getCallId()).plus(u, config));
    } else if (flow instanceof CallFlow.Alert raised && raised.alert().getStatus() == AlertStatus.OPENED) {
      store.put(raised.callId(), current(raised.callId()).withAlert());
    } else if (flow instanceof CallFlow.Event e && e.event().getType() == CallEventType.CALL_STARTED) {
      CallEvent event = e.event();
      store.put(event.getCallId(), current(event.getCallId()).started(
          event.getTimestamp().toEpochMilli(), event.getTenant(), event.getAgentId(), event.getQueue()));
    } else if (flow instanceof CallFlow.Event e && e.event().getType() == CallEventType.CALL_ENDED) {
      CallEvent event = e.event();
      CallEmotionSummary summary = summarise(event, current(event.getCallId()));
      store.delete(event.getCallId());
      context.forward(new Record<>(event.getCallId(), new CallFlow.Summary(summary), record.timestamp()));
    }
  }

  private CallSummaryState current(String callId) {
    CallSummaryState state = store.get(callId);
    return state == null ? CallSummaryState.empty() : state;
  }

  private CallEmotionSummary summarise(CallEvent ended, CallSummaryState s) {
    List<RoleSummary> roles = new ArrayList<>();
    for (SpeakerRole role : SpeakerRole.values()) {
      RoleTotals t = s.roles().get(role);
      if (t != null && t.count() > 0) {

        roles.add(RoleSummary.newBuilder()
            .setRole(role)
            .setUtteranceCount(t.count())
            .setLabelCounts(LabelTally.fromOrdinals(t.labels()))
            .setMeanValence(t.valenceSum() / t.count())
            .setMeanArousal(t.arousalSum() / t.count())
            .setNegativeShare(t.negative() / (double) t.count())
            .build());
      }
    }
    Double start = mean(s.customerStart());
    Double end = mean(s.customerEnd());
    List<EmotionPeak> peaks = s.peaks().stream().map(p -> EmotionPeak.newBuilder()
        .setUtteranceId(p.utteranceId())
        .setRole(p.role())
        .setStartMs(p.startMs())
        .setLabel(p.label())
        .setValence(p.valence())
        .setNegativity(p.negativity())
        .build()).toList();
    return CallEmotionSummary.newBuilder()
        .setCallId(ended.getCallId())
        .setContext(new CallContext(s.tenant(), s.agentId(), s.queue()))
        .setStartedAt(s.startedAt() == null ? null : Instant.ofEpochMilli(s.startedAt()))
        .setEndedAt(ended.getTimestamp())
        .setUtteranceCount(s.utteranceCount())
        .setRoles(roles)
        .setCustomerStartValence(start)
        .setCustomerEndValence(end)
        .setCustomerShift(start == null || end == null ? null : end - start)
        .setPeaks(peaks)
        .setAlertCount(s.alertCount())
        .setModelName(s.modelName())
        .setModelVersion(s.modelVersion())
        .build();
  }

  private static Double mean(List<Double> values) {
    return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
