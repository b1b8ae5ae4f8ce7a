package io.emostream.privacy;

import java.util.List;
import java.util.Map;

/**
 * One piece of a number as people write or say it: a digit string ("4111"), a digit word
 * ("four", "oh", "zero"), "double five", a teen or a tens word with its unit ("nineteen",
 * "forty seven") or "hundred" after a digit.
 *
 * @param digits the digits it stands for ("forty seven" is "47", "double five" is "55")
 * @param first  index of its first token
 * @param last   index of its last token
 */
record NumberGroup(String digits, int first, int last) {

  private static final Map<String, String> UNITS = Map.ofEntries(
      Map.entry("zero", "0"), Map.entry("oh", "0"), Map.entry("o", "0"), Map.entry("nought", "0"),
      Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
      Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
      Map.entry("nine", "9"));

  private static final Map<String, String> TEENS = Map.ofEntries(
      Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
      Map.entry("thirteen", "13"), Map.entry("fourteen", "14"), Map.entry("fifteen", "15"),
      Map.entry("sixteen", "16"), Map.entry("seventeen", "17"), Map.entry("eighteen", "18"),
      Map.entry("nineteen", "19"));

  private static final Map<String, String> TENS = Map.of("twenty", "2", "thirty", "3", "forty", "4",
      "fifty", "5", "sixty", "6", "seventy", "7", "eighty", "8", "ninety", "9");

  /** "oh" and "o" are zero only next to other digits; alone they are an interjection or a letter. */
  private static final List<String> WEAK_ZEROS = List.of("oh", "o");

  /**
   * The group that starts at token {@code i}, or null when none does.
   *
   * @param afterDigit whether a group ends right before it (only then is "hundred" a number)
   */
  static NumberGroup at(List<Token> tokens, int i, boolean afterDigit) {
    Token t = tokens.get(i);
    String w = t.text();
    if (t.isDigits()) {
      return new NumberGroup(w, i, i);
    }
    if (UNITS.containsKey(w)) {
      return new NumberGroup(UNITS.get(w), i, i);
    }
    if (TEENS.containsKey(w)) {
      return new NumberGroup(TEENS.get(w), i, i);
    }
    if (TENS.containsKey(w)) {
      int unit = i + 1;
      if (unit < tokens.size() && tokens.get(unit).text().equals("-")) {
        unit++;
      }
      if (unit < tokens.size() && UNITS.containsKey(tokens.get(unit).text())
          && !WEAK_ZEROS.contains(tokens.get(unit).text())
          && !tokens.get(unit).text().equals("zero") && !tokens.get(unit).text().equals("nought")) {
        return new NumberGroup(TENS.get(w) + UNITS.get(tokens.get(unit).text()), i, unit);
      }
      return new NumberGroup(TENS.get(w) + "0", i, i);
    }
    if ((w.equals("double") || w.equals("triple")) && i + 1 < tokens.size()) {
      Token next = tokens.get(i + 1);
      String digit = next.isDigits() && next.text().length() == 1 ? next.text() : UNITS.get(next.text());
      if (digit != null) {
        return new NumberGroup(digit.repeat(w.equals("double") ? 2 : 3), i, i + 1);
      }
    }
    if (afterDigit && w.equals("hundred")) {
      return new NumberGroup("00", i, i);
    }
    return null;
  }

  /** Whether the group is a lone "oh" or "o", which counts only inside a longer number. */
  boolean isWeakZero(List<Token> tokens) {
    return first == last && WEAK_ZEROS.contains(tokens.get(first).text());
  }
}
