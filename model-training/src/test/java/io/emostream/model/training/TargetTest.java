package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.data.Example;
import io.emostream.model.data.Split;
import io.emostream.model.data.ValenceText;
import io.emostream.model.text.cues.TextCueAnalyzer;
import org.junit.jupiter.api.Test;

class TargetTest {

  private final TextCueAnalyzer teacher = TextCueAnalyzer.bundled();

  @Test
  void shouldTrainTheHeadsOnTheVoicesAndTheWordsOwnEmotions() {
    Example conflicting = new Example("x", Split.TRAIN, "s", "angry", "thanks so much", () -> new float[160], null,
        null, true, "happy", "angry");
    Target t = Target.of(conflicting);
    assertThat(t.label()).containsExactly(0f, 0f, 1f, 0f);
    assertThat(t.audio()).containsExactly(0f, 0f, 1f, 0f);
    assertThat(t.text()).containsExactly(0f, 1f, 0f, 0f);
    assertThat(t.labelIndex()).isEqualTo(2);
  }

  @Test
  void shouldAcceptNeutralForMildReviewsButNotForStrongOnes() {
    ValenceText mild = new ValenceText("m", "the crust is not good", -1, "test");
    ValenceText strong = new ValenceText("s", "horrible, disgusting, the worst food I ever had", -1, "test");
    assertThat(Target.of(mild, teacher.analyze(mild.text(), 64)).label()).containsExactly(1f, 0f, 1f, 1f);
    Target t = Target.of(strong, teacher.analyze(strong.text(), 64));
    assertThat(t.label()).containsExactly(0f, 0f, 1f, 1f);
    assertThat(t.valence()).isNegative();
    assertThat(t.audio()).as("nothing is known about a voice").isNull();
    assertThat(t.labelIndex()).isEqualTo(-1);
  }

  @Test
  void shouldLetTheWordsDecideASpokenSentenceAndTellTheVoiceHeadNothing() {
    ValenceText sentence = new ValenceText("s", "horrible, disgusting, the worst food I ever had", -1, "test");
    Target t = Target.spoken(sentence, teacher.analyze(sentence.text(), 64));
    assertThat(t.label()).containsExactly(0f, 0f, 1f, 1f);
    assertThat(t.text()).containsExactly(0f, 0f, 1f, 1f);
    assertThat(t.valence()).isNegative();
    assertThat(t.audio()).as("a plain voice is not taught as the corpus's neutral voice").isNull();
  }
}
