package io.emostream.scoring;

import io.emostream.avro.ScoredUtterance;
import io.emostream.deadletters.DeadLetterReason;
import java.util.Objects;

/** What became of one pending utterance when its batch was scored. */
public sealed interface ScoreOutcome {

  /** The utterance the outcome is about. */
  PendingUtterance pending();

  /** The model scored it. */
  record Scored(PendingUtterance pending, ScoredUtterance scored) implements ScoreOutcome {
    public Scored {
      Objects.requireNonNull(pending, "pending");
      Objects.requireNonNull(scored, "scored");
    }
  }

  /**
   * It could not be scored, even alone and after retries; it goes to the dead-letter topic.
   *
   * @param reason why, for the dead-letter header and metric
   * @param detail human-readable cause, naming the utterance
   * @param cause  the last exception, never null
   */
  record Failed(PendingUtterance pending, DeadLetterReason reason, String detail, Throwable cause)
      implements ScoreOutcome {
    public Failed {
      Objects.requireNonNull(pending, "pending");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(cause, "cause");
    }
  }
}
