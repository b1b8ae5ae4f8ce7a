package io.emostream.model.text.cues;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.text.SubwordHashConfig;
import io.emostream.model.text.SubwordHashTokenizer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextCueAnalyzerTest {

  private final TextCueAnalyzer analyzer = new TextCueAnalyzer(new ValenceLexicon(Map.of(
      "good", 1.9f, "terrible", -2.5f, "helpful", 1.8f, "slow", -0.8f)));

  @Test
  void shouldScorePositiveWordsPositiveAndNegatedOnesNegative() {
    assertThat(analyzer.analyze("the service was good", 64).compound()).isPositive();
    assertThat(analyzer.analyze("the service was not good", 64).compound()).isNegative();
    assertThat(analyzer.analyze("it isn't good at all", 64).compound()).isNegative();
  }

  @Test
  void shouldStrengthenWithBoostersAndWeakenWithDampeners() {
    float plain = analyzer.analyze("that was good", 64).compound();
    assertThat(analyzer.analyze("that was really good", 64).compound()).isGreaterThan(plain);
    assertThat(analyzer.analyze("that was slightly good", 64).compound()).isLessThan(plain);
  }

  @Test
  void shouldLetTheClauseAfterButDominate() {
    assertThat(analyzer.analyze("the agent was helpful but the app is terrible", 64).compound()).isNegative();
    assertThat(analyzer.analyze("the app is terrible but the agent was helpful", 64).compound()).isPositive();
  }

  @Test
  void shouldGiveOneRowPerTokenOfTheSubwordTokenizerUpToTheLimit() {
    String text = "Don't worry, it's GOOD!";
    int tokens = new SubwordHashTokenizer(new SubwordHashConfig(512, 3, 5, 64)).encode(text).length();
    TextCues cues = analyzer.analyze(text, 64);
    assertThat(cues.tokens()).hasNumberOfRows(tokens);
    assertThat(cues.tokens()[0]).hasSize(TextCues.TOKEN_DIMS);
    assertThat(cues.sentence()).hasSize(TextCues.SENTENCE_DIMS);
    assertThat(analyzer.analyze(text, 2).tokens()).hasNumberOfRows(2);
  }

  @Test
  void shouldKeepEveryCueBoundedAndSayNothingAboutTextWithoutRatedWords() {
    TextCues none = analyzer.analyze("please read me the account number", 64);
    assertThat(none.compound()).isZero();
    assertThat(none.sentence()[3]).as("coverage").isZero();
    TextCues loud = analyzer.analyze("terrible terrible terrible terrible!!!!!", 64);
    assertThat(loud.compound()).isBetween(-1f, -0.9f);
    for (float v : loud.sentence()) {
      assertThat(v).isBetween(-1f, 1f);
    }
    assertThat(TextCues.empty().tokens()).isEmpty();
  }

  @Test
  void shouldShipALexiconCoveringEverydayComplaintsAndPraise() {
    ValenceLexicon bundled = ValenceLexicon.bundled();
    assertThat(bundled.size()).isGreaterThan(10_000);
    assertThat(bundled.valence("great")).isPositive();
    assertThat(bundled.valence("rude")).isNegative();
    assertThat(bundled.valence("dont")).as("negators are rules, not entries").isZero();
    assertThat(TextCueAnalyzer.bundled().analyze("the engineer was rude and unhelpful", 64).compound()).isNegative();
  }
}
