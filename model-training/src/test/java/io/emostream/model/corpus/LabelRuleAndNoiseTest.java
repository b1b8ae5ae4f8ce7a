package io.emostream.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelRuleAndNoiseTest {

  @Test
  void shouldLabelByTheVoiceWhenItIsArousedAndByTheWordsOtherwise() {
    assertThat(LabelRule.label(Emotion.NEUTRAL, Emotion.ANGRY)).isEqualTo(Emotion.ANGRY);
    assertThat(LabelRule.label(Emotion.HAPPY, Emotion.ANGRY)).isEqualTo(Emotion.ANGRY);
    assertThat(LabelRule.label(Emotion.NEUTRAL, Emotion.HAPPY)).isEqualTo(Emotion.HAPPY);
    assertThat(LabelRule.label(Emotion.SAD, Emotion.NEUTRAL)).isEqualTo(Emotion.SAD);
    assertThat(LabelRule.label(Emotion.HAPPY, Emotion.SAD)).isEqualTo(Emotion.HAPPY);
  }

  @Test
  void shouldOfferConflictsForEveryLabelThatFoolOneModality() {
    for (Emotion label : Emotion.values()) {
      assertThat(LabelRule.conflictsLabelled(label)).as("%s", label).isNotEmpty().allSatisfy(c -> {
        assertThat(c.text()).isNotEqualTo(c.voice());
        assertThat(LabelRule.label(c.text(), c.voice())).isEqualTo(label);
      });
    }
    // text alone misses "polite words, furious voice"; audio alone misses "calm voice, sad words"
    assertThat(LabelRule.conflictsLabelled(Emotion.ANGRY)).contains(new LabelRule.Conflict(Emotion.NEUTRAL, Emotion.ANGRY));
    assertThat(LabelRule.conflictsLabelled(Emotion.SAD)).contains(new LabelRule.Conflict(Emotion.SAD, Emotion.NEUTRAL));
  }

  @Test
  void shouldAlwaysChangeTheTranscriptButKeepMostOfIt() {
    String clean = "i have called three times about my bill and nobody has fixed it this is ridiculous";
    Random random = new Random(1);
    for (int i = 0; i < 200; i++) {
      String noisy = AsrNoise.corrupt(clean, random);
      assertThat(noisy).isNotEqualTo(clean).isNotBlank();
      assertThat(noisy.split(" ").length).isBetween(clean.split(" ").length - 3, clean.split(" ").length + 6);
    }
  }

  @Test
  void shouldMisrecogniseSoundAlikesSometimes() {
    Random random = new Random(2);
    boolean sawSoundAlike = false;
    for (int i = 0; i < 100 && !sawSoundAlike; i++) {
      sawSoundAlike = AsrNoise.corrupt("this is unacceptable", random).contains("an acceptable");
    }
    assertThat(sawSoundAlike).isTrue();
  }

  @Test
  void shouldWriteTranscriptsLikeStreamingAsr() {
    assertThat(Tokens.transcript("Great, thanks! It's £40?")).isEqualTo("great thanks it's 40");
  }
}
