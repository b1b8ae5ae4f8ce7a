package io.emostream.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  @Test
  void shouldWriteEveryHeaderOnceKeepingTheRecordsOwnAndReplacingEarlierLetterHeaders() {
    Headers original = new RecordHeaders();
    original.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
    original.add(DeadLetterHeaders.REASON, "OLD".getBytes(StandardCharsets.UTF_8));

    Headers headers = DeadLetter.of(DeadLetterReason.INVALID_TIMES, DeadLetterStage.VALIDATION, "ends before it starts")
        .withSource("calls.transcripts", 3, 17).withIds("call-1", "u-9").headers(original);

    assertThat(headers.toArray()).extracting(Header::key)
        .containsExactlyInAnyOrderElementsOf(concat("traceparent", DeadLetterHeaders.ALL));
    assertThat(value(headers, "traceparent")).isEqualTo("00-abc");
    assertThat(value(headers, DeadLetterHeaders.REASON)).isEqualTo("INVALID_TIMES");
    assertThat(value(headers, DeadLetterHeaders.STAGE)).isEqualTo("validation");
    assertThat(value(headers, DeadLetterHeaders.TOPIC)).isEqualTo("calls.transcripts");
    assertThat(value(headers, DeadLetterHeaders.PARTITION)).isEqualTo("3");
    assertThat(value(headers, DeadLetterHeaders.OFFSET)).isEqualTo("17");
    assertThat(value(headers, DeadLetterHeaders.CALL_ID)).isEqualTo("call-1");
    assertThat(value(headers, DeadLetterHeaders.UTTERANCE_ID)).isEqualTo("u-9");
    assertThat(value(headers, DeadLetterHeaders.EXCEPTION)).isEmpty();
  }

  @Test
  void shouldWriteUnknownValuesAsEmptyAndMinusOne() {
    Headers headers = DeadLetter.of(DeadLetterReason.MODEL_FAILED, DeadLetterStage.SCORING, "model failed")
        .withError(new IllegalStateException("no memory")).headers(null);

    assertThat(headers.toArray()).extracting(Header::key).containsExactlyElementsOf(DeadLetterHeaders.ALL);
    assertThat(value(headers, DeadLetterHeaders.TOPIC)).isEmpty();
    assertThat(value(headers, DeadLetterHeaders.PARTITION)).isEqualTo("-1");
    assertThat(value(headers, DeadLetterHeaders.OFFSET)).isEqualTo("-1");
    assertThat(value(headers, DeadLetterHeaders.CALL_ID)).isEmpty();
    assertThat(value(headers, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
    assertThat(value(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("no memory");
  }

  private static java.util.List<String> concat(String first, java.util.List<String> rest) {
    java.util.List<String> all = new java.util.ArrayList<>(rest);
    all.add(0, first);
    return all;
  }

  private static String value(Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
