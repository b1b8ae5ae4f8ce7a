package io.emostream.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds e-mail addresses, written ("john.smith@example.com") or spoken the way streaming ASR
 * writes them ("john dot smith at example dot com", "j underscore smith at gmail dot co dot
 * uk").
 *
 * <p>The domain must follow {@code @} (written) or the word "at" (spoken); after "at" it must be
 * at least two labels joined by "dot" or "." and end in a common top-level domain, so that
 * "see you at the office" is left alone. The local part is the word before the "at", extended
 * backwards over words joined by dot, underscore, dash, hyphen or plus and over number words
 * ("smith seventy two at ..."). Names said elsewhere in the sentence are not removed.
 */
final class EmailAddresses {

  private static final Set<String> AT = Set.of("at", "@");
  private static final Set<String> AT_SUFFIX = Set.of("sign", "symbol");
  private static final Set<String> DOTS = Set.of("dot", ".", "period", "point");
  private static final Set<String> LOCAL_JOINERS = Set.of("dot", ".", "period", "underscore", "_",
      "dash", "-", "hyphen", "plus", "+");
  private static final Set<String> TLDS = Set.of("com", "org", "net", "edu", "gov", "io", "co", "uk",
      "us", "ca", "au", "de", "fr", "es", "it", "nl", "ie", "in", "info", "biz", "me", "mail", "eu",
      "ch", "se", "no", "nz", "za", "app", "dev");
  private static final Set<String> NOT_LOCAL = Set.of("me", "us", "you", "him", "her", "them", "it",
      "is", "it's", "that's", "was", "are", "email", "e-mail", "address", "be", "reach", "contact", "write", "send");

  private EmailAddresses() {}

  /** The spans of e-mail addresses in {@code tokens}; marks their tokens in {@code taken}. */
  static List<Span> find(List<Token> tokens, boolean[] taken) {
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i < tokens.size(); i++) {
      String w = tokens.get(i).text();
      if (!AT.contains(w)) {
        continue;
      }
      boolean written = w.equals("@");
      int domainStart = i + 1;
      if (!written && domainStart < tokens.size() && AT_SUFFIX.contains(tokens.get(domainStart).text())) {
        domainStart++;
      }
      int domainEnd = domainEnd(tokens, domainStart, written);
      int localStart = localStart(tokens, i - 1);
      if (domainEnd < 0 || localStart < 0) {
        continue;
      }
      spans.add(new Span(tokens.get(localStart).start(), tokens.get(domainEnd).end(), "[email]"));
      for (int k = localStart; k <= domainEnd; k++) {
        taken[k] = true;
      }
      i = domainEnd;
    }
    return spans;
  }

  /** Index of the domain's last token, or -1 when there is no domain at {@code i}. */
  private static int domainEnd(List<Token> tokens, int i, boolean written) {
    if (i >= tokens.size() || !tokens.get(i).isWord()) {
      return -1;
    }
    int last = i;
    int labels = 1;
    while (last + 2 < tokens.size() && DOTS.contains(tokens.get(last + 1).text())
        && tokens.get(last + 2).isWord()) {
      last += 2;
      labels++;
    }
    if (written) {
      return last;
    }
    // Spoken: "at" is a common word, so ask for a dotted domain that ends like one.
    while (labels >= 2 && !TLDS.contains(tokens.get(last).text())) {
      last -= 2;
      labels--;
    }
    return labels >= 2 ? last : -1;
  }

  /** Index of the local part's first token, given its last one; -1 when there is none. */
  private static int localStart(List<Token> tokens, int last) {
    if (last < 0 || !tokens.get(last).isWord() || NOT_LOCAL.contains(tokens.get(last).text())) {
      return -1;
    }
    int first = last;
    while (true) {
      if (first - 2 >= 0 && LOCAL_JOINERS.contains(tokens.get(first - 1).text())
          && tokens.get(first - 2).isWord()) {
        first -= 2;
      } else if (first - 1 >= 0 && NumberGroup.at(tokens, first, false) != null
          && tokens.get(first - 1).isWord() && !NOT_LOCAL.contains(tokens.get(first - 1).text())) {
        // "smith seventy two at": digits said after the name belong to the address
        first -= 1;
      } else {
        return first;
      }
    }
  }
}
