package io.emostream.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubwordHashTokenizerTest {

  private final SubwordHashTokenizer tokenizer = new SubwordHashTokenizer(new SubwordHashConfig(4096, 3, 5, 8));

  @Test
  void shouldIgnoreCasePunctuationAndApostrophesLikeAsrOutputVaries() {
    TokenizedText a = tokenizer.encode("I DON'T want this... Cancel it!!");
    TokenizedText b = tokenizer.encode("i dont want this, cancel it");
    assertThat(a.length()).isEqualTo(6);
    assertThat(a.pieces()).isDeepEqualTo(b.pieces());
  }

  @Test
  void shouldSplitWordsOnPunctuationAndDropEmptyTokens() {
    assertThat(SubwordHashTokenizer.words("  hello,world -- ok?! ")).containsExactly("hello", "world", "ok");
    assertThat(tokenizer.encode("?!...").length()).isZero();
  }

  @Test
  void shouldGiveTheWholeWordIdFirstThenDistinctNgramIds() {
    int[] ids = tokenizer.wordIds("cat");
    // "<cat>": the word, n=3: <ca cat at>, n=4: <cat cat>, n=5 is the word itself (deduplicated)
    assertThat(ids).hasSize(6);
    assertThat(ids[0]).isEqualTo(tokenizer.bucket("<cat>"));
    assertThat(Arrays.stream(ids).boxed().toList()).allSatisfy(id -> assertThat(id).isBetween(0, 4095));
  }

  @Test
  void shouldShareNgramIdsBetweenAnOutOfVocabularyWordAndItsRelatives() {
    Set<Integer> known = toSet(tokenizer.wordIds("frustrated"));
    Set<Integer> misspelt = toSet(tokenizer.wordIds("frustratedd"));
    Set<Integer> unrelated = toSet(tokenizer.wordIds("banana"));
    Set<Integer> shared = new HashSet<>(known);
    shared.retainAll(misspelt);
    assertThat(shared.size()).isGreaterThan(known.size() / 2);
    Set<Integer> sharedUnrelated = new HashSet<>(known);
    sharedUnrelated.retainAll(unrelated);
    assertThat(sharedUnrelated.size()).isLessThan(3);
  }

  @Test
  void shouldCutToMaxTokens() {
    assertThat(tokenizer.encode("one two three four five six seven eight nine ten").length()).isEqualTo(8);
  }

  @Test
  void shouldHashWithFnv1aSoOtherLanguagesCanReproduceIds() {
    // FNV-1a 32-bit test vectors
    assertThat(Integer.toUnsignedLong(SubwordHashTokenizer.fnv1a(""))).isEqualTo(0x811C9DC5L);
    assertThat(Integer.toUnsignedLong(SubwordHashTokenizer.fnv1a("a"))).isEqualTo(0xE40C292CL);
    assertThat(Integer.toUnsignedLong(SubwordHashTokenizer.fnv1a("foobar"))).isEqualTo(0xBF9CF968L);
  }

  private static Set<Integer> toSet(int[] ids) {
    return new HashSet<>(Arrays.stream(ids).boxed().toList());
  }
}
