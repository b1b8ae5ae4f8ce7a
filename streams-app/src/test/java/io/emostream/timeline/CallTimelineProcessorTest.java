package io.emostream.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AlertSeverity;
import io.emostream.avro.AlertStatus;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.CallContext;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.EmotionPeak;
import io.emostream.avro.EmotionProbabilities;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.ScoringTimings;
import io.emostream.avro.SpeakerRole;
import io.emostream.common.CallFlow;
import io.emostream.common.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallTimelineProcessorTest {

  private KeyValueStore<String, CallTimeline> store;
  private CallTimelineProcessor processor;
  private MockProcessorContext<Void, Void> context;

  @BeforeEach
  void setUp() {
    setUp(Duration.ofMinutes(10));
  }

  private void setUp(Duration retention) {
    context = new MockProcessorContext<>();
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("timeline"), Serdes.String(),
        new JsonSerde<>(CallTimeline.class)).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    processor = new CallTimelineProcessor("timeline", 3, retention);
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
  void shouldDropTheCallWhenItEndsWithoutRetention() {
    setUp(Duration.ZERO);
    process(scored("c1", "u1", 1_000), 10);
    process(scored("c2", "u1", 1_000), 10);

    process(ended("c1"), 20);

    assertThat(store.get("c1")).isNull();
    assertThat(store.get("c2")).isNotNull();
    assertThat(context.scheduledPunctuators()).isEmpty();
  }

  @Test
  void shouldKeepAnEndedCallWithItsSummaryForTheRetentionThenForgetIt() {
    context.setCurrentSystemTimeMs(1_000_000);
    process(scored("c1", "u1", 1_000), 10);
    process(scored("c2", "u1", 1_000), 10);
    process(CallEmotionSummary.newBuilder().setCallId("c1").setEndedAt(Instant.ofEpochMilli(20))
        .setUtteranceCount(1).setRoles(List.of()).setAlertCount(1).setCustomerShift(0.4)
        .setPeaks(List.of(new EmotionPeak("u1", SpeakerRole.CUSTOMER, 1_000L, EmotionLabel.ANGRY, -0.5, 0.8)))
        .setContext(new CallContext("acme", "agent-7", "billing")).build(), 20);
    process(ended("c1"), 20);

    CallTimeline ended = store.get("c1");
    assertThat(ended.hasEnded()).isTrue();
    assertThat(ended.endedAt()).isEqualTo(20);
    assertThat(ended.utterances()).extracting(TimelineUtterance::utteranceId).containsExactly("u1");
    assertThat(ended.summary().alertCount()).isEqualTo(1);
    assertThat(ended.summary().peaks()).extracting(TimelineSummary.Peak::utteranceId).containsExactly("u1");

    MockProcessorContext.CapturedPunctuator sweep = context.scheduledPunctuators().get(0);
    assertThat(sweep.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
    sweep.getPunctuator().punctuate(1_000_000 + Duration.ofMinutes(10).toMillis() - 1);
    assertThat(store.get("c1")).as("still within the retention").isNotNull();
    sweep.getPunctuator().punctuate(1_000_000 + Duration.ofMinutes(10).toMillis());
    assertThat(store.get("c1")).isNull();
    assertThat(store.get("c2")).as("active calls stay").isNotNull();
  }

  private void process(Object value, long timestamp) {
    CallFlow flow = value instanceof ScoredUtterance u ? new CallFlow.Scored(u)
        : value instanceof EmotionAlert a ? new CallFlow.Alert(a)
        : value instanceof CallEmotionSummary s ? new CallFlow.Summary(s) : new CallFlow.Event((CallEvent) value);
    processor.process(new Record<>(flow.callId(), flow, timestamp));
  }

  private static CallEvent ended(String callId) {
    return CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_ENDED).setTimestamp(Instant.now())
        .build();
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
