package io.emostream.model.text.cues;

import io.emostream.model.text.SubwordHashTokenizer;
import java.util.List;

/**
 * Computes {@link TextCues} with VADER's published rules (Hutto and Gilbert, 2014) over a
 * {@link ValenceLexicon}: a degree adverb up to three words before a sentiment word shifts it by
 * 0.293 (less with distance), a negator in the three words before it scales it by -0.74, words
 * before "but" count half and words after it one and a half, and exclamation marks add emphasis.
 * The summed valence {@code s} becomes the compound score {@code s / sqrt(s^2 + 15)}.
 *
 * <p>The rules are a teacher and an input feature, not the model's answer: the network learns
 * how far to trust them. Words come from {@link SubwordHashTokenizer#words}, so token cues line
 * up with the subword-hash tokenizer's tokens. Immutable and thread-safe.
 */
public final class TextCueAnalyzer {

  private static final float DEGREE_STEP = 0.293f;
  private static final float[] DEGREE_DECAY = {1f, 0.95f, 0.9f};
  private static final float NEGATION_SCALAR = -0.74f;
  private static final float BEFORE_BUT = 0.5f;
  private static final float AFTER_BUT = 1.5f;
  private static final float EXCLAMATION_STEP = 0.292f;
  private static final int MAX_EXCLAMATIONS = 4;
  private static final float NORMALISATION_ALPHA = 15f;
  private static final float SCALE = 4f;
  private static final int WINDOW = 3;

  private final ValenceLexicon lexicon;

  public TextCueAnalyzer(ValenceLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** An analyzer over the bundled lexicon. */
  public static TextCueAnalyzer bundled() {
    return new TextCueAnalyzer(ValenceLexicon.bundled());
  }

  /** Cues of {@code text}, token rows for at most {@code maxTokens} words. */
  public TextCues analyze(String text, int maxTokens) {
    if (text == null) {
      return TextCues.empty();
    }
    List<String> words = SubwordHashTokenizer.words(text);
    int n = words.size();
    float[] raw = new float[n];
    float[] adjusted = new float[n];
    boolean negation = false;
    for (int i = 0; i < n; i++) {
      String w = words.get(i);
      negation |= ValenceLexicon.isNegator(w);
      raw[i] = lexicon.valence(w);
      adjusted[i] = raw[i] == 0f ? 0f : shifted(words, i, raw[i]);
    }
    int but = words.indexOf("but");
    if (but >= 0) {
      for (int i = 0; i < n; i++) {
        adjusted[i] *= i < but ? BEFORE_BUT : i > but ? AFTER_BUT : 1f;
      }
    }
    float sum = 0f;
    float positive = 0f;
    float negative = 0f;
    int neutral = 0;
    int covered = 0;
    float strongestPositive = 0f;
    float strongestNegative = 0f;
    for (int i = 0; i < n; i++) {
      float v = adjusted[i];
      sum += v;
      if (v > 0) {
        positive += v + 1f;
      } else if (v < 0) {
        negative += v - 1f;
      } else {
        neutral++;
      }
      covered += raw[i] != 0f ? 1 : 0;
      strongestPositive = Math.max(strongestPositive, v);
      strongestNegative = Math.max(strongestNegative, -v);
    }
    int exclamations = (int) Math.min(MAX_EXCLAMATIONS, text.chars().filter(c -> c == '!').count());
    if (sum != 0f) {
      sum += Math.signum(sum) * exclamations * EXCLAMATION_STEP;
    }
    float total = positive - negative + neutral;
    float[] sentence = new float[TextCues.SENTENCE_DIMS];
    sentence[TextCues.COMPOUND] = (float) (sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA));
    sentence[1] = total > 0 ? positive / total : 0f;
    sentence[2] = total > 0 ? -negative / total : 0f;
    sentence[3] = n > 0 ? (float) covered / n : 0f;
    sentence[4] = negation ? 1f : 0f;
    sentence[5] = strongestPositive / SCALE;
    sentence[6] = strongestNegative / SCALE;
    sentence[7] = exclamations / (float) MAX_EXCLAMATIONS;
    int kept = Math.min(n, maxTokens);
    float[][] tokens = new float[kept][];
    for (int i = 0; i < kept; i++) {
      String w = words.get(i);
      tokens[i] = new float[] {adjusted[i] / SCALE, raw[i] / SCALE, ValenceLexicon.isNegator(w) ? 1f : 0f,
          ValenceLexicon.degree(w)};
    }
    return new TextCues(tokens, sentence);
  }

  /** Valence of word {@code i} after the degree adverbs and negators before it. */
  private static float shifted(List<String> words, int i, float valence) {
    float v = valence;
    boolean negated = false;
    for (int back = 1; back <= WINDOW && i - back >= 0; back++) {
      String before = words.get(i - back);
      int degree = ValenceLexicon.degree(before);
      if (degree != 0) {
        v += Math.signum(valence) * degree * DEGREE_STEP * DEGREE_DECAY[back - 1];
      }
      negated |= ValenceLexicon.isNegator(before);
    }
    return negated ? v * NEGATION_SCALAR : v;
  }
}
