package io.emostream.scoring;

/** How much transcript text a scored utterance carries ({@code output.include-text}). */
public enum TextMode {
  /** The transcript as the ASR produced it. */
  FULL,
  /** The transcript with every run of four or more digits masked (cards, accounts, phones). */
  REDACTED,
  /** No text at all. */
  NONE
}
