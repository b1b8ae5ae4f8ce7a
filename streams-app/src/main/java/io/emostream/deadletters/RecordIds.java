package io.emostream.deadletters;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.TranscriptSegment;
import io.emostream.avro.Utterance;
import io.emostream.common.AssembledFlow;
import io.emostream.common.CallFlow;
import java.nio.charset.StandardCharsets;

/** Call and utterance ids of the values that flow through emostream ({@link CallFlow}s and {@link AssembledFlow}s unwrapped), for dead-letter headers. */
final class RecordIds {

  private RecordIds() {}

  /** The call of {@code value}, else {@code key} as text (every emostream topic but the group windows is keyed by callId). */
  static String callId(Object value, Object key) {
    if (value instanceof CallFlow flow) {
      return flow.callId();
    } else if (value instanceof AssembledFlow flow) {
      return flow.callId();
    } else if (value instanceof AudioChunk v) {
      return v.getCallId();
    } else if (value instanceof TranscriptSegment v) {
      return v.getCallId();
    } else if (value instanceof CallEvent v) {
      return v.getCallId();
    } else if (value instanceof Utterance v) {
      return v.getCallId();
    } else if (value instanceof ScoredUtterance v) {
      return v.getCallId();
    }
    if (key instanceof String s) {
      return s;
    }
    if (key instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return null;
  }

  /** The utterance {@code value} is or belongs to, or null. */
  static String utteranceId(Object value) {
    if (value instanceof CallFlow flow) {
      return utteranceId(flow.value());
    } else if (value instanceof AssembledFlow flow) {
      return utteranceId(flow.value());
    } else if (value instanceof TranscriptSegment v) {
      return v.getUtteranceId();
    } else if (value instanceof Utterance v) {
      return v.getUtteranceId();
    } else if (value instanceof ScoredUtterance v) {
      return v.getUtteranceId();
    }
    return null;
  }
}
