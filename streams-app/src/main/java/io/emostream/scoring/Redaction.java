package io.emostream.scoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks digit runs in transcripts so that card, account and phone numbers never reach the
 * output topics.
 *
 * <p>A run is four or more digits, possibly split by single spaces or dashes as people read
 * card numbers out ("4111 1111-1111 1111"). Every digit of a run becomes {@code #}; the
 * separators stay so the text keeps its shape. Shorter numbers ("3 items") are kept because
 * they carry meaning and identify nobody.
 */
public final class Redaction {

  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){3,}");

  private Redaction() {}

  /** {@code text} with digit runs masked; null stays null. */
  public static String maskDigitRuns(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = DIGIT_RUN.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (matcher.find()) {
      out.append(text, last, matcher.start());
      out.append(matcher.group().replaceAll("\\d", "#"));
      last = matcher.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  /** The text to publish under {@code mode}. */
  public static String apply(TextMode mode, String text) {
    return switch (mode) {
      case FULL -> text;
      case REDACTED -> maskDigitRuns(text);
      case NONE -> null;
    };
  }
}
