package io.emostream.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every sentence the bank can produce fits its emotion by AFINN-165 and the cue lists. */
class SentenceBankLexiconTest {

  private final SentenceBank bank = SentenceBank.loadDefault();
  private final SentimentLexicon afinn = SentimentLexicon.afinn165();

  @Test
  void shouldLoadTheWholeAfinnList() {
    assertThat(afinn.size()).isEqualTo(3382);
    assertThat(afinn.score("This is ridiculous")).isEqualTo(-3);
    assertThat(afinn.score("I am fed up")).isEqualTo(-3);
    assertThat(afinn.score("I'm not happy")).isEqualTo(-3);
  }

  @Test
  void shouldScoreEveryHappySentenceAboveZeroWithAHappyCue() {
    assertEverySentence(Emotion.HAPPY, s -> afinn.score(s) > 0 && EmotionCues.found(s).equals(List.of(Emotion.HAPPY)));
  }

  @Test
  void shouldScoreEveryAngrySentenceBelowZeroWithOnlyAngryCues() {
    assertEverySentence(Emotion.ANGRY, s -> afinn.score(s) < 0 && EmotionCues.found(s).equals(List.of(Emotion.ANGRY)));
  }

  @Test
  void shouldScoreEverySadSentenceBelowZeroWithOnlySadCues() {
    assertEverySentence(Emotion.SAD, s -> afinn.score(s) < 0 && EmotionCues.found(s).equals(List.of(Emotion.SAD)));
  }

  @Test
  void shouldKeepEveryNeutralSentenceNearZeroWithoutAnyCue() {
    assertEverySentence(Emotion.NEUTRAL, s -> Math.abs(afinn.score(s)) <= 2 && EmotionCues.found(s).isEmpty());
  }

  @Test
  void shouldOfferManyDistinctSentencesPerRoleAndEmotion() {
    for (Role role : Role.values()) {
      for (Emotion emotion : Emotion.values()) {
        long distinct = bank.templates(role, emotion).stream().flatMap(t -> bank.expand(t).stream()).distinct().count();
        assertThat(distinct).as("%s %s", role, emotion).isGreaterThanOrEqualTo(role == Role.CUSTOMER ? 100 : 10);
      }
    }
  }

  @Test
  void shouldDrawSentencesReproduciblyFromTheSeed() {
    List<String> first = draw(new Random(3));
    assertThat(draw(new Random(3))).isEqualTo(first);
    assertThat(draw(new Random(4))).isNotEqualTo(first);
  }

  private List<String> draw(Random random) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(bank.sample(Role.CUSTOMER, Emotion.values()[i % 4], random));
    }
    return out;
  }

  private void assertEverySentence(Emotion emotion, java.util.function.Predicate<String> fits) {
    List<String> misfits = new ArrayList<>();
    int checked = 0;
    for (Role role : Role.values()) {
      for (String template : bank.templates(role, emotion)) {
        for (String sentence : bank.expand(template)) {
          checked++;
          if (!fits.test(sentence)) {
            misfits.add(role.label() + ": " + sentence + " (AFINN " + afinn.score(sentence) + ", cues "
                + EmotionCues.found(sentence) + ")");
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(misfits).as("sentences whose wording does not fit '%s'", emotion.label()).isEmpty();
  }
}
