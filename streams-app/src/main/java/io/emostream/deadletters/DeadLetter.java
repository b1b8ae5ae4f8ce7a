package io.emostream.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What one dead letter says about itself: everything that goes into the {@link DeadLetterHeaders}.
 * Immutable; the {@code with…} methods return copies.
 *
 * @param reason      why (never null)
 * @param stage       who gave up (never null)
 * @param detail      a sentence naming the bad value (never null)
 * @param topic       source topic, or null when there is no single source record
 * @param partition   source partition, or -1
 * @param offset      source offset, or -1
 * @param error       the exception behind it, or null when a check refused the record
 * @param callId      the call, or null when unknown
 * @param utteranceId the utterance, or null when unknown
 */
public record DeadLetter(DeadLetterReason reason, DeadLetterStage stage, String detail, String topic,
    int partition, long offset, Throwable error, String callId, String utteranceId) {

  public DeadLetter {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(detail, "detail");
  }

  /** A letter with no source position, cause or ids yet. */
  public static DeadLetter of(DeadLetterReason reason, DeadLetterStage stage, String detail) {
    return new DeadLetter(reason, stage, detail, null, -1, -1, null, null, null);
  }

  /** This letter read from {@code topic}-{@code partition} at {@code offset}. */
  public DeadLetter withSource(String topic, int partition, long offset) {
    return new DeadLetter(reason, stage, detail, topic, partition, offset, error, callId, utteranceId);
  }

  /** This letter caused by {@code error} (may be null). */
  public DeadLetter withError(Throwable error) {
    return new DeadLetter(reason, stage, detail, topic, partition, offset, error, callId, utteranceId);
  }

  /** This letter about call {@code callId} and utterance {@code utteranceId} (either may be null). */
  public DeadLetter withIds(String callId, String utteranceId) {
    return new DeadLetter(reason, stage, detail, topic, partition, offset, error, callId, utteranceId);
  }

  /**
   * The headers of the letter: {@code original} (the failed record's own headers, may be null) less
   * any earlier {@code emostream.dlq.*} headers, plus the full {@link DeadLetterHeaders} set.
   */
  public Headers headers(Headers original) {
    RecordHeaders headers = new RecordHeaders();
    if (original != null) {
      for (Header h : original) {
        if (!h.key().startsWith(DeadLetterHeaders.PREFIX)) {
          headers.add(h);
        }
      }
    }
    put(headers, DeadLetterHeaders.REASON, reason.name());
    put(headers, DeadLetterHeaders.STAGE, stage.headerValue());
    put(headers, DeadLetterHeaders.DETAIL, detail);
    put(headers, DeadLetterHeaders.TOPIC, topic);
    put(headers, DeadLetterHeaders.PARTITION, Integer.toString(topic == null ? -1 : partition));
    put(headers, DeadLetterHeaders.OFFSET, Long.toString(topic == null ? -1 : offset));
    put(headers, DeadLetterHeaders.EXCEPTION, error == null ? null : error.getClass().getName());
    put(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, error == null ? null : error.getMessage());
    put(headers, DeadLetterHeaders.CALL_ID, callId);
    put(headers, DeadLetterHeaders.UTTERANCE_ID, utteranceId);
    return headers;
  }

  /** Where the record came from, for log lines: {@code topic-partition@offset}. */
  public String where() {
    return topic == null ? "(no single source record)" : topic + "-" + partition + "@" + offset;
  }

  private static void put(Headers headers, String key, String value) {
    headers.add(key, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
  }
}
