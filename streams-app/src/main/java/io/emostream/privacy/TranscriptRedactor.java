package io.emostream.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes what identifies a caller or their accounts from a transcript before it leaves the
 * scorer ({@code output.include-text=redacted}): e-mail addresses become {@code [email]},
 * payment card numbers (13-19 digits passing Luhn) become {@code [card]}, and every other number
 * of four or more digits (account and phone numbers, PINs, postcodes' digits, dates said as
 * digits) has each digit replaced by {@code #}. Numbers count whether written, spoken or mixed
 * (see {@link NumberRuns}).
 *
 * <p>It does not remove names, street names, or numbers of up to three digits: transcripts keep
 * enough meaning for emotion analytics, and what is removed is what a pattern can find
 * reliably. Stateless and thread-safe.
 */
public final class TranscriptRedactor {

  private TranscriptRedactor() {}

  /** {@code text} with e-mail addresses and numbers of four or more digits masked; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    List<Token> tokens = Token.of(text);
    boolean[] taken = new boolean[tokens.size()];
    List<Span> spans = new ArrayList<>(EmailAddresses.find(tokens, taken));
    spans.addAll(NumberRuns.find(text, tokens, taken));
    if (spans.isEmpty()) {
      return text;
    }
    spans.sort(Comparator.comparingInt(Span::start));
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span s : spans) {
      out.append(text, at, s.start()).append(s.replacement());
      at = s.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
