package io.emostream.deadletters;

import java.util.Objects;

/**
 * Why one record is refused.
 *
 * @param reason the category (never null)
 * @param detail a human-readable sentence naming the bad value and the fix (never null)
 */
public record Rejection(DeadLetterReason reason, String detail) {

  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
