package io.emostream.alerts;

import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.common.CallFlow;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the {@link AlertStateMachine} per call and role over the scored utterances and
 * publishes OPENED / RESOLVED {@link EmotionAlert}s, keyed by callId.
 *
 * <p>Its input (scored utterances and call events, in order) is passed on to the
 * {@code downstream} processors with the alerts interleaved where they happened, so the
 * call summary can count a call's alerts before it sees the call end. On CALL_ENDED an alert
 * still open is RESOLVED and the call's state is dropped.
 */
public final class AlertDetector implements Processor<String, CallFlow, String, CallFlow> {

  private final String storeName;
  private final AlertRuleSet rules;
  private final String alertsSink;
  private final List<String> downstream;
  private ProcessorContext<String, CallFlow> context;
  private KeyValueStore<String, AlertState> store;

  /**
   * @param storeName  store of {@link AlertState} keyed {@code callId|ROLE}
   * @param rules      default rules and overrides
   * @param alertsSink sink node of {@code emotion.alerts}
   * @param downstream processors that get the input and the alerts
   */
  public AlertDetector(String storeName, AlertRuleSet rules, String alertsSink, List<String> downstream) {
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.alertsSink = Objects.requireNonNull(alertsSink, "alertsSink");
    this.downstream = List.copyOf(downstream);
  }

  @Override
  public void init(ProcessorContext<String, CallFlow> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CallFlow> record) {
    if (record.value() instanceof CallFlow.Scored scored) {
      ScoredUtterance u = scored.utterance();
      passOn(record);
      String key = key(u.getCallId(), u.getRole());
      AlertState state = store.get(key);
      AlertStateMachine.Step step = AlertStateMachine.apply(
          state == null ? AlertState.initial() : state, u, rules.forContext(u.getContext()),
          record.timestamp());
      store.put(key, step.state());
      for (EmotionAlert alert : step.alerts()) {
        emit(u.getCallId(), alert, record.timestamp());
      }
    } else if (record.value() instanceof CallFlow.Event flow) {
      CallEvent event = flow.event();
      if (event.getType() == CallEventType.CALL_ENDED) {
        for (SpeakerRole role : SpeakerRole.values()) {
          String key = key(event.getCallId(), role);
          EmotionAlert resolved = AlertStateMachine.callEnded(store.get(key), event.getCallId(), role,
              record.timestamp());
          if (resolved != null) {
            emit(event.getCallId(), resolved, record.timestamp());
          }
          store.delete(key);
        }
      }
      passOn(record);
    }
  }

  private void emit(String callId, EmotionAlert alert, long timestamp) {
    Record<String, CallFlow> out = new Record<>(callId, new CallFlow.Alert(alert), timestamp);
    context.forward(out, alertsSink);
    passOn(out);
  }

  private void passOn(Record<String, CallFlow> record) {
    for (String child : downstream) {
      context.forward(record, child);
    }
  }

  static String key(String callId, SpeakerRole role) {
    return callId + "|" + role.name();
  }
}
