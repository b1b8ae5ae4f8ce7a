package io.emostream.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ProsodySamplerTest {

  private static final int DRAWS = 400;

  @Test
  void shouldKeepEveryDrawInsideItsEmotionsRanges() {
    Speaker speaker = TestVoices.speaker(TestVoices.FEMALE);
    Random random = new Random(1);
    for (Emotion emotion : Emotion.values()) {
      ProsodySampler.Style style = ProsodySampler.style(emotion);
      for (int i = 0; i < DRAWS; i++) {
        Prosody p = ProsodySampler.sample(emotion, speaker, random);
        assertThat(p.pitchLowHz()).isBetween((int) Math.floor(140 * style.pitch()[0]), (int) Math.ceil(140 * style.pitch()[1]));
        assertThat(p.pitchHighHz() - p.pitchLowHz())
            .isBetween((int) Math.floor(80 * style.span()[0]) - 1, (int) Math.ceil(80 * style.span()[1]) + 1);
        assertThat(p.rateWpm()).isBetween((int) Math.floor(170 * style.rate()[0]), (int) Math.ceil(170 * style.rate()[1]));
        assertThat(p.amplitude()).isBetween(style.amplitude()[0], style.amplitude()[1]).isBetween(0, 200);
        assertThat(p.roughness()).isBetween(0, 7);
        assertThat(p.breath()).isBetween(style.breath()[0], style.breath()[1]);
        assertThat(p.pauseMs()).isBetween(style.pauseMs()[0], style.pauseMs()[1]);
        assertThat(p.wordGapMs() % 10).isZero();
        assertThat(p.noiseDbfs()).isBetween(-62.0, -48.0);
      }
    }
  }

  @Test
  void shouldMakeAngerLoudestFastestAndRoughestAndSadnessQuietSlowAndBreathy() {
    Speaker speaker = TestVoices.speaker(TestVoices.MALE);
    assertThat(mean(Emotion.ANGRY, speaker, Prosody::amplitude)).isGreaterThan(mean(Emotion.HAPPY, speaker, Prosody::amplitude));
    assertThat(mean(Emotion.HAPPY, speaker, Prosody::amplitude)).isGreaterThan(mean(Emotion.NEUTRAL, speaker, Prosody::amplitude));
    assertThat(mean(Emotion.NEUTRAL, speaker, Prosody::amplitude)).isGreaterThan(mean(Emotion.SAD, speaker, Prosody::amplitude));
    assertThat(mean(Emotion.ANGRY, speaker, Prosody::rateWpm)).isGreaterThan(mean(Emotion.NEUTRAL, speaker, Prosody::rateWpm));
    assertThat(mean(Emotion.NEUTRAL, speaker, Prosody::rateWpm)).isGreaterThan(mean(Emotion.SAD, speaker, Prosody::rateWpm) + 30);
    assertThat(mean(Emotion.ANGRY, speaker, Prosody::roughness)).isGreaterThanOrEqualTo(5);
    assertThat(mean(Emotion.SAD, speaker, Prosody::breath)).isGreaterThan(20);
    assertThat(mean(Emotion.SAD, speaker, Prosody::pauseMs)).isGreaterThan(2 * mean(Emotion.NEUTRAL, speaker, Prosody::pauseMs));
    ToIntFunction<Prosody> span = p -> p.pitchHighHz() - p.pitchLowHz();
    assertThat(mean(Emotion.HAPPY, speaker, span)).isGreaterThan(mean(Emotion.NEUTRAL, speaker, span));
    assertThat(mean(Emotion.NEUTRAL, speaker, span)).isGreaterThan(mean(Emotion.SAD, speaker, span));
    assertThat(mean(Emotion.SAD, speaker, Prosody::pitchLowHz)).isLessThan(mean(Emotion.NEUTRAL, speaker, Prosody::pitchLowHz));
  }

  @Test
  void shouldVaryWithinAnEmotionSoTheCueIsNotAConstant() {
    Speaker speaker = TestVoices.speaker(TestVoices.FEMALE);
    Random random = new Random(5);
    List<Integer> rates = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rates.add(ProsodySampler.sample(Emotion.NEUTRAL, speaker, random).rateWpm());
    }
    assertThat(rates.stream().distinct().count()).isGreaterThan(10);
  }

  @Test
  void shouldDrawTheSameProsodyFromTheSameSeed() {
    Speaker speaker = TestVoices.speaker(TestVoices.FEMALE);
    assertThat(ProsodySampler.sample(Emotion.ANGRY, speaker, new Random(9)))
        .isEqualTo(ProsodySampler.sample(Emotion.ANGRY, speaker, new Random(9)));
  }

  @Test
  void shouldRenderAVariantThatKeepsTimbreAndReplacesVoiceQuality() {
    Prosody p = ProsodySampler.sample(Emotion.SAD, TestVoices.speaker(TestVoices.FEMALE), new Random(2));
    String text = VariantFile.render("emo-x", TestVoices.FEMALE, p);
    assertThat(text).startsWith("language variant\nname emo-x\n")
        .contains("formant 1 120 75 150 -50", "gender female", "pitch " + p.pitchLowHz() + " " + p.pitchHighHz(),
            "breath " + p.breath() + " ", "roughness " + p.roughness())
        .doesNotContain("pitch 140 220", "breath 0 2 3 3", "roughness 4\n");
  }

  private static double mean(Emotion emotion, Speaker speaker, ToIntFunction<Prosody> field) {
    Random random = new Random(42);
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      sum += field.applyAsInt(ProsodySampler.sample(emotion, speaker, random));
    }
    return sum / DRAWS;
  }
}
