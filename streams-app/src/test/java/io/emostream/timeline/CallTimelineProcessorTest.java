package io.emostream.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AlertSeverity;
import io.emostream.avro.AlertStatus;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.CallContext;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.EmotionProbabilities;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.ScoringTimings;
import io.emostream.avro.SpeakerRole;
import io.emostream.scoring.JsonSerde;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallTimelineProcessorTest {

  private KeyValueStore<String, CallTimeline> store;
  private CallTimelineProcessor processor;

  @BeforeEach
  void setUp() {
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("timeline"), Serdes.String(),
        new JsonSerde<>(CallTimeline.class)).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    processor = new CallTimelineProcessor("timeline", 3);
    processor.init(context);
  }

  @Test
  void shouldKeepTheCallsContextAndItsMostRecentUtterancesOldestFirst() {
    process(started("c1"), 1_000);
    for (int i = 1; i <= 5; i++) {
      process(scored("c1", "u" + i, i * 1_000L), 1_000 + i);
    }

    CallTimeline timeline = store.get("c1");

    assertThat(timeline.agentId()).isEqualTo("agent-7");
    assertThat(timeline.queue()).isEqualTo("billing");
    assertThat(timeline.startedAt()).isEqualTo(1_000);
    assertThat(timeline.updatedAt()).isEqualTo(1_005);
    assertThat(timeline.utterances()).extracting(TimelineUtterance::utteranceId).containsExactly("u3", "u4", "u5");
    assertThat(timeline.utterances().get(2).label()).isEqualTo("ANGRY");
    assertThat(timeline.utterances().get(2).text()).isEqualTo("words u5");
  }

  @Test
  void shouldRecordAlertEventsOfTheCall() {
    process(scored("c1", "u1", 1_000), 10);
    process(alert("c1", AlertStatus.OPENED), 11);
    process(alert("c1", AlertStatus.RESOLVED), 12);

    assertThat(store.get("c1").alerts()).extracting(TimelineAlert::status).containsExactly("OPENED", "RESOLVED");
  }

  @Test
  void shouldDropTheCallWhenItEnds() {
    process(scored("c1", "u1", 1_000), 10);
    process(scored("c2", "u1", 1_000), 10);

    process(CallEvent.newBuilder().setCallId("c1").setType(CallEventType.CALL_ENDED).setTimestamp(Instant.now())
        .build(), 20);

    assertThat(store.get("c1")).isNull();
    assertThat(store.get("c2")).isNotNull();
  }

  private void process(Object value, long timestamp) {
    String key = value instanceof ScoredUtterance u ? u.getCallId()
        : value instanceof EmotionAlert a ? a.getCallId() : ((CallEvent) value).getCallId();
    processor.process(new Record<>(key, value, timestamp));
  }

  private static CallEvent started(String callId) {
    return CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_STARTED).setTimestamp(Instant.now())
        .setTenant("acme").setAgentId("agent-7").setQueue("billing").build();
  }

  private static ScoredUtterance scored(String callId, String id, long startMs) {
    return ScoredUtterance.newBuilder()
        .setCallId(callId).setUtteranceId(id).setChannel(1).setRole(SpeakerRole.CUSTOMER)
        .setStartMs(startMs).setEndMs(startMs + 900).setLabel(EmotionLabel.ANGRY)
        .setProbabilities(new EmotionProbabilities(0.1, 0.1, 0.7, 0.1))
        .setValence(-0.5).setArousal(0.6).setConfidence(0.7).setModalities(List.of())
        .setAudioCoverage(AudioCoverage.COMPLETE).setModelName("m").setModelVersion("1").setText("words " + id)
        .setContext(new CallContext("acme", "agent-7", "billing"))
        .setTimings(new ScoringTimings(null, Instant.EPOCH, Instant.ofEpochMilli(5), 1.0, 1.0, 1))
        .build();
  }

  private static EmotionAlert alert(String callId, AlertStatus status) {
    return EmotionAlert.newBuilder().setAlertId(callId + "-CUSTOMER-1").setCallId(callId)
        .setRole(SpeakerRole.CUSTOMER).setChannel(1).setStatus(status).setRule("CONSECUTIVE_NEGATIVE")
        .setSeverity(AlertSeverity.WARNING).setEvidenceUtteranceIds(List.of("u1")).setEwmaNegative(0.7)
        .setConsecutiveNegative(3).setOpenedAt(Instant.ofEpochMilli(1)).setTimestamp(Instant.ofEpochMilli(2))
        .setCallOffsetMs(1_000).setContext(new CallContext("acme", "agent-7", "billing")).setMessage("negative")
        .build();
  }
}
