package io.emostream.common;

import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.CallEvent;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the processors after the scorer pass one another, keyed by callId and in call order: the
 * scorer's scored utterances and the call events it lets through, the alert detector's alerts and
 * the summaries. Immutable; never null inside.
 *
 * <p>A closed set rather than {@code Object}: a processor's input type says what it can receive,
 * and a sink writes only the one kind its topic holds ({@link CallFlowSerializer}), so a wiring
 * mistake fails at the first record with a message instead of being ignored. Each processor acts
 * on the kinds it needs and skips the others.
 */
public sealed interface CallFlow {

  /** The call this belongs to, which is also the record key. */
  String callId();

  /** The Avro record carried, as its output topic holds it. */
  SpecificRecord value();

  /** An utterance the model scored (the scorer). */
  record Scored(ScoredUtterance utterance) implements CallFlow {
    public Scored {
      Objects.requireNonNull(utterance, "utterance");
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

  /** A call's life-cycle event, after the scores of the utterances before it (the scorer). */
  record Event(CallEvent event) implements CallFlow {
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

  /** An alert OPENED or RESOLVED (the alert detector). */
  record Alert(EmotionAlert alert) implements CallFlow {
    public Alert {
      Objects.requireNonNull(alert, "alert");
    }

    @Override
    public String callId() {
      return alert.getCallId();
    }

    @Override
    public SpecificRecord value() {
      return alert;
    }
  }

  /** The summary of an ended call (the summary processor). */
  record Summary(CallEmotionSummary summary) implements CallFlow {
    public Summary {
      Objects.requireNonNull(summary, "summary");
    }

    @Override
    public String callId() {
      return summary.getCallId();
    }

    @Override
    public SpecificRecord value() {
      return summary;
    }
  }
}
