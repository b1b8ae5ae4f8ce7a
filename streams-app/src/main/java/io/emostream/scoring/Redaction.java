package io.emostream.scoring;

import io.emostream.privacy.TranscriptRedactor;

/** The transcript text a scored utterance carries under each {@link TextMode}. */
public final class Redaction {

  private Redaction() {}

  /** The text to publish under {@code mode}; null stays null. */
  public static String apply(TextMode mode, String text) {
    return switch (mode) {
      case FULL -> text;
      case REDACTED -> TranscriptRedactor.redact(text);
      case NONE -> null;
    };
  }
}
