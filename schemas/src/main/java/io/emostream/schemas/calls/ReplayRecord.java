package io.emostream.schemas.calls;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record of a call's replay and when it is due.
 *
 * @param dueMs when to send it, in ms of call time from the start of the call (0 = at once)
 * @param stream which input topic it goes to
 * @param callId its key
 * @param value an {@code AudioChunk}, {@code TranscriptSegment} or {@code CallEvent}; generated
 *     Avro records are mutable, so callers must not change it
 */
public record ReplayRecord(long dueMs, ReplayStream stream, String callId, SpecificRecord value) {
  public ReplayRecord {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(value, "value");
  }
}
