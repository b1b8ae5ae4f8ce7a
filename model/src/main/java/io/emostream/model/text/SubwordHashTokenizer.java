package io.emostream.model.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * fastText-style subword hashing, robust to ASR output: text is Unicode-normalised (NFKC),
 * lower-cased, apostrophes dropped ({@code don't} = {@code dont}), every other character that
 * is not a letter or digit becomes a separator. Each word {@code w} becomes the ids of
 * {@code <w>} and of every character n-gram of {@code <w>} with {@code minN <= n <= maxN},
 * hashed (32-bit FNV-1a over UTF-8, unsigned, modulo {@code buckets}). Unseen words still share
 * n-grams with seen ones, so they land near them in embedding space.
 *
 * <p>The hash is specified exactly so that a Python trainer can reproduce the ids.
 * Immutable and thread-safe.
 */
public final class SubwordHashTokenizer implements TextTokenizer {

  private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final SubwordHashConfig config;

  public SubwordHashTokenizer(SubwordHashConfig config) {
    this.config = config;
  }

  /** Lower-cased words of {@code text} with punctuation removed, before any limit. */
  public static List<String> words(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    normal = APOSTROPHES.matcher(normal).replaceAll("");
    List<String> words = new ArrayList<>();
    for (String w : SEPARATORS.split(normal)) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  @Override
  public TokenizedText encode(String text) {
    List<String> words = words(text);
    int n = Math.min(words.size(), config.maxTokens());
    int[][] pieces = new int[n][];
    for (int i = 0; i < n; i++) {
      pieces[i] = wordIds(words.get(i));
    }
    return new TokenizedText(pieces);
  }

  /** Ids of one already-normalised word: {@code <word>} first, then its distinct n-grams. */
  public int[] wordIds(String word) {
    String marked = "<" + word + ">";
    Set<String> grams = new LinkedHashSet<>();
    grams.add(marked);
    int[] cps = marked.codePoints().toArray();
    for (int len = config.minN(); len <= config.maxN(); len++) {
      for (int start = 0; start + len <= cps.length; start++) {
        grams.add(new String(cps, start, len));
      }
    }
    int[] ids = new int[grams.size()];
    int i = 0;
    for (String g : grams) {
      ids[i++] = bucket(g);
    }
    return ids;
  }

  int bucket(String piece) {
    return (int) Long.remainderUnsigned(Integer.toUnsignedLong(fnv1a(piece)), config.buckets());
  }

  /** 32-bit FNV-1a of the UTF-8 bytes of {@code s}. */
  static int fnv1a(String s) {
    int hash = 0x811C9DC5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x01000193;
    }
    return hash;
  }

  @Override
  public int vocabularySize() {
    return config.buckets();
  }

  @Override
  public int maxTokens() {
    return config.maxTokens();
  }
}
