package io.emostream.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One word, digit string or punctuation mark of a transcript, with its place in the text, so
 * that spans found on tokens can be masked in the original string.
 *
 * @param text  the token lower-cased (matching is case-insensitive)
 * @param start index of its first character in the transcript
 * @param end   index after its last character
 */
record Token(String text, int start, int end) {

  /** Words (letters and digits, inner apostrophes) or any single other non-space character. */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*|\\S");

  /** The tokens of {@code text} in order. */
  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(new Token(m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
    }
    return tokens;
  }

  boolean isDigits() {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return !text.isEmpty();
  }

  boolean isWord() {
    return Character.isLetterOrDigit(text.charAt(0));
  }
}
