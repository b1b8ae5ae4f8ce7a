package io.emostream.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.EmotionAlert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class CallFlowSerializerTest {

  private static final CallEvent ENDED = CallEvent.newBuilder().setCallId("c1").setType(CallEventType.CALL_ENDED)
      .setTimestamp(Instant.EPOCH).build();

  @Test
  void shouldWriteTheRecordItsTopicHoldsWithThatTopicsSerializer() {
    Serializer<CallEvent> inner = (topic, event) -> (topic + ":" + event.getCallId()).getBytes(StandardCharsets.UTF_8);

    byte[] bytes = CallFlowSerializer.of(CallEvent.class, inner).serialize("calls.events", new CallFlow.Event(ENDED));

    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("calls.events:c1");
    assertThat(CallFlowSerializer.of(CallEvent.class, inner).serialize("calls.events", null)).isNull();
  }

  @Test
  void shouldRefuseAnotherKindNamingTheTopicAndTheCall() {
    Serializer<EmotionAlert> inner = (topic, alert) -> new byte[0];

    assertThatThrownBy(() -> CallFlowSerializer.of(EmotionAlert.class, inner)
        .serialize("emotion.alerts", new CallFlow.Event(ENDED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("emotion.alerts writes EmotionAlert but got a Event of call c1")
        .hasMessageContaining("wiring");
  }
}
