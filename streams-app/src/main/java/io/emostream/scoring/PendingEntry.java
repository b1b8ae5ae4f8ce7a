package io.emostream.scoring;

import io.emostream.audio.SourceAudio;
import io.emostream.avro.CallEvent;
import io.emostream.avro.Utterance;
import java.util.Objects;

/**
 * What the scorer's pending store holds between receiving a record and forwarding its result:
 * an utterance waiting for (or in) the model, or a call event waiting behind the utterances that
 * came before it. Both must survive a crash: once the input offset is committed, this entry is
 * the only copy until the transaction that forwards its result deletes it.
 *
 * @param recordTimestamp event time of the record that brought it, reused for the output
 * @param enqueuedAtMs    wall-clock time it reached the scorer (queue time)
 * @param value           an {@link Utterance} or a {@link CallEvent}, never null
 * @param source          the utterance's audio as it arrived, when the store keeps that instead of
 *                        the 16 kHz samples (see {@link PendingEntrySerde}); null otherwise
 */
public record PendingEntry(long recordTimestamp, long enqueuedAtMs, Object value, SourceAudio source) {

  public PendingEntry {
    Objects.requireNonNull(value, "value");
    if (!(value instanceof Utterance) && !(value instanceof CallEvent)) {
      throw new IllegalArgumentException("a pending entry holds an Utterance or a CallEvent, not a "
          + value.getClass().getName());
    }
    if (source != null && !(value instanceof Utterance)) {
      throw new IllegalArgumentException("only an utterance has source audio");
    }
  }

  public PendingEntry(long recordTimestamp, long enqueuedAtMs, Object value) {
    this(recordTimestamp, enqueuedAtMs, value, null);
  }

  /** The utterance, with its times, or null for a call event. */
  PendingUtterance utterance() {
    return value instanceof Utterance u ? new PendingUtterance(recordTimestamp, enqueuedAtMs, u) : null;
  }
}
