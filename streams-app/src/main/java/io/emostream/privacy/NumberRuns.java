package io.emostream.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds numbers of four or more digits, written ("4111 1111-1111 1111", "(555) 123-4567"),
 * spoken ("four one one one", "double five", "oh" for zero, "forty seven nineteen") or mixed
 * ("4111 one one one").
 *
 * <p>A number is a run of {@link NumberGroup}s separated only by spaces or by the punctuation
 * people and ASR put inside numbers ({@code - ( ) + . , /}). Each digit becomes {@code #} and
 * the separators stay, so the text keeps its shape; a run of 13 to 19 digits that passes the
 * Luhn check becomes {@code [card]}. Shorter numbers ("3 items", "eighty five dollars", "nine
 * thirty") are kept because they carry meaning and identify nobody. So is a clock time said as
 * hour and minutes ("at ten fifteen", "ten forty five pm"), which would otherwise count four
 * digits. Amounts said with "thousand" or "million" are not digit sequences and are kept.
 */
final class NumberRuns {

  private static final Set<String> JOINERS = Set.of("-", "(", ")", "+", ".", ",", "/");
  private static final Set<String> BEFORE_TIME = Set.of("at", "by", "around", "until", "till", "before", "after");
  private static final Set<String> AFTER_TIME = Set.of("am", "pm", "o'clock", "oclock");
  static final int MIN_DIGITS = 4;

  private NumberRuns() {}

  /** The spans to mask in {@code text}, skipping tokens already in {@code taken}. */
  static List<Span> find(String text, List<Token> tokens, boolean[] taken) {
    List<Span> spans = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      NumberGroup first = taken[i] ? null : NumberGroup.at(tokens, i, false);
      if (first == null || (first.isWeakZero(tokens) && !startsGroup(tokens, taken, i + 1))) {
        i++;
        continue;
      }
      List<NumberGroup> run = new ArrayList<>(List.of(first));
      int next = first.last() + 1;
      while (true) {
        int k = next;
        while (k < tokens.size() && !taken[k] && JOINERS.contains(tokens.get(k).text())) {
          k++;
        }
        NumberGroup g = k < tokens.size() && !taken[k] ? NumberGroup.at(tokens, k, true) : null;
        if (g == null) {
          break;
        }
        run.add(g);
        next = g.last() + 1;
      }
      int digits = run.stream().mapToInt(g -> g.digits().length()).sum();
      if (digits >= MIN_DIGITS && !isClockTime(tokens, run)) {
        spans.add(mask(text, tokens, run));
      }
      i = next;
    }
    return spans;
  }

  private static boolean startsGroup(List<Token> tokens, boolean[] taken, int i) {
    return i < tokens.size() && !taken[i] && NumberGroup.at(tokens, i, false) != null;
  }

  private static Span mask(String text, List<Token> tokens, List<NumberGroup> run) {
    String all = String.join("", run.stream().map(NumberGroup::digits).toList());
    int start = tokens.get(run.get(0).first()).start();
    int end = tokens.get(run.get(run.size() - 1).last()).end();
    if (all.length() >= 13 && all.length() <= 19 && Luhn.isValid(all)) {
      return new Span(start, end, "[card]");
    }
    StringBuilder out = new StringBuilder();
    int at = start;
    for (NumberGroup g : run) {
      out.append(text, at, tokens.get(g.first()).start()).append("#".repeat(g.digits().length()));
      at = tokens.get(g.last()).end();
    }
    return new Span(start, end, out.toString());
  }

  /** Hour (1-12) then minutes (10-59, one word or "forty five"), with a time word around it. */
  private static boolean isClockTime(List<Token> tokens, List<NumberGroup> run) {
    if (run.size() != 2) {
      return false;
    }
    NumberGroup hour = run.get(0);
    NumberGroup minutes = run.get(1);
    int h = Integer.parseInt(hour.digits());
    int m = Integer.parseInt(minutes.digits());
    if (hour.digits().startsWith("0") || h < 1 || h > 12 || minutes.digits().length() != 2 || m < 10 || m > 59) {
      return false;
    }
    int before = hour.first() - 1;
    int after = minutes.last() + 1;
    return (before >= 0 && BEFORE_TIME.contains(tokens.get(before).text()))
        || (after < tokens.size() && (AFTER_TIME.contains(tokens.get(after).text())
            || isDottedMeridiem(tokens, after)));
  }

  /** "a.m." and "p.m." come out of the tokenizer as a . m . */
  private static boolean isDottedMeridiem(List<Token> tokens, int i) {
    return i + 2 < tokens.size()
        && (tokens.get(i).text().equals("a") || tokens.get(i).text().equals("p"))
        && tokens.get(i + 1).text().equals(".") && tokens.get(i + 2).text().equals("m");
  }
}
