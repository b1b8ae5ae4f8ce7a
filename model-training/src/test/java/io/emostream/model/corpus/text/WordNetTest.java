package io.emostream.model.corpus.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordNetTest {

  private static final String HAPPY = "01148283 00 a 02 happy 0 felicitous 0 003 ! 01149494 a 0000 & 01149022 a 0000"
      + " + 07540602 n 0101 | enjoying or showing or marked by joy or pleasure; \"a happy smile\"; \"spent many happy"
      + " days on the beach\"";

  @Test
  void shouldParseLemmasLinksDefinitionAndExamples() {
    WordNet.Synset s = WordNet.parse(HAPPY);
    assertThat(s.key()).isEqualTo("a:01148283");
    assertThat(s.lemmas()).containsExactly("happy", "felicitous");
    assertThat(s.links()).extracting(WordNet.Link::symbol).containsExactly("!", "&", "+");
    assertThat(s.links().get(0).target()).isEqualTo("a:01149494");
    assertThat(s.gloss()).isEqualTo("enjoying or showing or marked by joy or pleasure");
    assertThat(s.examples()).containsExactly("a happy smile", "spent many happy days on the beach");
  }

  @Test
  void shouldSpreadPolarityToSynonymsAndFlipItOverAntonyms() {
    WordNet net = new WordNet(Map.of(
        "a:1", new WordNet.Synset("a:1", List.of("joyful", "gleeful"), List.of(new WordNet.Link("!", "a:2")), "", List.of()),
        "a:2", new WordNet.Synset("a:2", List.of("dolorous"), List.of(), "", List.of()),
        "n:3", new WordNet.Synset("n:3", List.of("cargo", "burden"), List.of(), "", List.of())));
    Map<String, Float> spread = LexiconBuilder.spread(Map.of("joyful", 2.5f, "burden", -1.5f), net);
    assertThat(spread.get("gleeful")).isPositive();
    assertThat(spread.get("dolorous")).isNegative();
    assertThat(spread).as("noun senses do not spread").doesNotContainKey("cargo");
    assertThat(spread).as("rated words keep their rating").doesNotContainKey("joyful");
  }
}
