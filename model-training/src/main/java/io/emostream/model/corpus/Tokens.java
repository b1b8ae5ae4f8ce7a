package io.emostream.model.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Turns written sentences into ASR-style word sequences: lower case, no punctuation. */
public final class Tokens {

  private Tokens() {}

  /** {@code "It's great, thanks!"} becomes {@code [it's, great, thanks]}. */
  public static List<String> of(String sentence) {
    String cleaned = sentence.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").strip();
    return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
  }

  /** The transcript form of a sentence, as a streaming ASR would deliver it. */
  public static String transcript(String sentence) {
    return String.join(" ", of(sentence));
  }
}
