package io.emostream.scoring;

import io.emostream.avro.Utterance;
import java.util.Objects;

/**
 * An utterance waiting in the scorer's batch store.
 *
 * @param recordTimestamp event time of the record that brought it, reused for the output
 * @param enqueuedAtMs    wall-clock time it entered the batch, for max-delay and queue time
 * @param utterance       the utterance itself, never null
 */
public record PendingUtterance(long recordTimestamp, long enqueuedAtMs, Utterance utterance) {

  public PendingUtterance {
    Objects.requireNonNull(utterance, "utterance");
  }
}
