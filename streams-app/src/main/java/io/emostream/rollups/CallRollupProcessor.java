package io.emostream.rollups;

import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.EmotionTrend;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.common.CallFlow;
import io.emostream.common.LabelTally;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the rolling emotion state of every role in every call and publishes it on each
 * scored utterance as a {@link CallEmotionRollup}, keyed by callId.
 *
 * <p>State lives in a changelogged store keyed {@code callId|ROLE} and is dropped on
 * CALL_ENDED, so it stays bounded by the number of active calls.
 */
public final class CallRollupProcessor implements Processor<String, CallFlow, String, CallEmotionRollup> {

  private final String storeName;
  private final RollupConfig config;
  private ProcessorContext<String, CallEmotionRollup> context;
  private KeyValueStore<String, CallRollupState> store;

  public CallRollupProcessor(String storeName, RollupConfig config) {
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public void init(ProcessorContext<String, CallEmotionRollup> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CallFlow> record) {
    if (record.value() instanceof CallFlow.Scored scored) {
      ScoredUtterance u = scored.utterance();
      String key = key(u.getCallId(), u.getRole());
      CallRollupState previous = store.get(key);
      CallRollupState state = (previous == null ? CallRollupState.empty() : previous).plus(u, config);
      store.put(key, state);
      context.forward(new Record<>(u.getCallId(), toRollup(u, state), record.timestamp()));
    } else if (record.value() instanceof CallFlow.Event flow && flow.event().getType() == CallEventType.CALL_ENDED) {
      CallEvent event = flow.event();
      for (SpeakerRole role : SpeakerRole.values()) {
        store.delete(key(event.getCallId(), role));
      }
    }
  }

  private CallEmotionRollup toRollup(ScoredUtterance u, CallRollupState state) {
    double slope = state.trendSlope();
    EmotionTrend trend = EmotionTrend.STABLE;
    if (state.recent().size() >= 3 && slope > config.trendThreshold()) {
      trend = EmotionTrend.IMPROVING;
    } else if (state.recent().size() >= 3 && slope < -config.trendThreshold()) {
      trend = EmotionTrend.WORSENING;
    }
    return CallEmotionRollup.newBuilder()
        .setCallId(u.getCallId())
        .setRole(u.getRole())
        .setContext(u.getContext())
        .setUtteranceCount(state.count())
        .setLastUtteranceId(u.getUtteranceId())
        .setLastLabel(u.getLabel())
        .setLastEndMs(u.getEndMs())
        .setEwmaValence(state.ewmaValence())
        .setEwmaArousal(state.ewmaArousal())
        .setEwmaNegative(state.ewmaNegative())
        .setWindowSize(state.recent().size())
        .setWindowMeanValence(state.windowMeanValence())
        .setWindowNegativeShare(state.windowNegativeShare())
        .setWindowLabelCounts(LabelTally.of(state.recent().stream().map(CallRollupState.Recent::label).toList()))
        .setTrend(trend)
        .setTrendSlope(slope)
        .setUpdatedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
  }

  static String key(String callId, SpeakerRole role) {
    return callId + "|" + role.name();
  }
}
