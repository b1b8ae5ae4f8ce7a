package io.emostream.scoring;

/** How much transcript text a scored utterance carries ({@code output.include-text}). */
public enum TextMode {
  /** The transcript as the ASR produced it. */
  FULL,
  /**
   * The default: the transcript with e-mail addresses, card numbers and every number of four or
   * more digits (written, spoken or mixed) masked; see {@link io.emostream.privacy.TranscriptRedactor}.
   */
  REDACTED,
  /** No text at all. */
  NONE
}
