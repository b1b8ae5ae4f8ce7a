package io.emostream.common;

import io.emostream.audio.SourceAudio;
import io.emostream.avro.CallEvent;
import io.emostream.avro.Utterance;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the utterance assembler passes the scorer, keyed by callId and in call order: assembled
 * utterances and, in order with them, the call's life-cycle events (CALL_STARTED before its
 * utterances, CALL_ENDED after the last). Immutable; never null inside. A closed set, so the
 * scorer's input type names everything it can receive.
 */
public sealed interface AssembledFlow {

  /** The call this belongs to, which is also the record key. */
  String callId();

  /** The Avro record carried. */
  SpecificRecord value();

  /**
   * An utterance to score: transcript text and the audio under it, or audio alone. {@code source}
   * is its audio as it arrived (lower rate, before resampling) when the assembler had it, so the
   * scorer can keep that smaller form in its changelogged store; null otherwise.
   */
  record Spoken(Utterance utterance, SourceAudio source) implements AssembledFlow {
    public Spoken {
      Objects.requireNonNull(utterance, "utterance");
    }

    public Spoken(Utterance utterance) {
      this(utterance, null);
    }

    @Override
    public String callId() {
      return utterance.getCallId();
    }

    @Override
    public SpecificRecord value() {
      return utterance;
    }
  }

  /** A call's life-cycle event. */
  record Event(CallEvent event) implements AssembledFlow {
    public Event {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public String callId() {
      return event.getCallId();
    }

    @Override
    public SpecificRecord value() {
      return event;
    }
  }
}
