package io.emostream.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class EffectsSamplerTest {

  private static final int DRAWS = 400;
  private static final Speaker SLT = new Speaker("spk-ext", Role.CUSTOMER, "en-us", null, 1.0, 1.0, CorpusSplit.TRAIN,
      ExternalVoice.FESTIVAL_SLT_HTS);

  @Test
  void shouldRenderEmotionsTheWayActedSpeechDiffers() {
    assertThat(mean(Emotion.ANGRY, VoiceEffects::tempo)).isGreaterThan(mean(Emotion.HAPPY, VoiceEffects::tempo));
    assertThat(mean(Emotion.HAPPY, VoiceEffects::tempo)).isGreaterThan(mean(Emotion.NEUTRAL, VoiceEffects::tempo));
    assertThat(mean(Emotion.NEUTRAL, VoiceEffects::tempo)).isGreaterThan(mean(Emotion.SAD, VoiceEffects::tempo));
    assertThat(mean(Emotion.HAPPY, VoiceEffects::pitchCents)).isGreaterThan(mean(Emotion.ANGRY, VoiceEffects::pitchCents));
    assertThat(mean(Emotion.SAD, VoiceEffects::pitchCents)).isLessThan(-100);
    assertThat(mean(Emotion.ANGRY, VoiceEffects::gainDb)).isGreaterThan(mean(Emotion.NEUTRAL, VoiceEffects::gainDb));
    assertThat(mean(Emotion.SAD, VoiceEffects::gainDb)).isLessThan(mean(Emotion.NEUTRAL, VoiceEffects::gainDb) - 4);
    assertThat(mean(Emotion.ANGRY, VoiceEffects::overdriveDb)).isGreaterThan(3);
    assertThat(mean(Emotion.NEUTRAL, VoiceEffects::overdriveDb)).isZero();
    assertThat(mean(Emotion.SAD, VoiceEffects::lowpassHz)).isBetween(2400.0, 3600.0);
  }

  @Test
  void shouldApplyTheSpeakersPersonalPitchAndRate() {
    Speaker higherFaster = new Speaker("spk-x", Role.AGENT, "en-us", null, 1.1, 1.1, CorpusSplit.TRAIN,
        ExternalVoice.FLITE_AWB);
    VoiceEffects base = EffectsSampler.sample(Emotion.NEUTRAL, SLT, new Random(4));
    VoiceEffects personal = EffectsSampler.sample(Emotion.NEUTRAL, higherFaster, new Random(4));
    assertThat(personal.pitchCents() - base.pitchCents()).isEqualTo(165); // 1200 * log2(1.1)
    assertThat(personal.tempo() / base.tempo()).isCloseTo(1.1, org.assertj.core.data.Offset.offset(0.002));
  }

  @Test
  void shouldDrawTheSameEffectsFromTheSameSeed() {
    assertThat(EffectsSampler.sample(Emotion.ANGRY, SLT, new Random(9)))
        .isEqualTo(EffectsSampler.sample(Emotion.ANGRY, SLT, new Random(9)));
  }

  @Test
  void shouldTurnEffectsIntoSoxArgumentsEndingWithTheGain() {
    List<String> angry = new VoiceEffects(1.2, 150, 3, 8, 5, 0, -55).soxArgs();
    assertThat(angry).containsSubsequence("tempo", "-s", "1.2").containsSubsequence("pitch", "150")
        .containsSubsequence("overdrive", "8").doesNotContain("lowpass").endsWith("gain", "3.0");
    List<String> plain = new VoiceEffects(1.0, 0, -2, 0, 0, 0, -55).soxArgs();
    assertThat(plain).containsExactly("norm", "-6", "norm", "-6", "gain", "-2.0");
  }

  @Test
  void shouldSplitFestivalAndFliteSpeakersPerRoleAndUseEveryVoice() {
    List<Speaker> speakers = SpeakerPool.createExternal(24, 61, 7);
    assertThat(speakers).hasSize(24).allSatisfy(s -> assertThat(s.external()).isNotNull());
    assertThat(speakers.stream().map(Speaker::id)).doesNotHaveDuplicates().contains("spk061", "spk084");
    assertThat(speakers.stream().map(Speaker::external)).containsAll(List.of(ExternalVoice.values()));
    for (CorpusSplit split : CorpusSplit.values()) {
      for (Role role : Role.values()) {
        assertThat(speakers).as("%s %s", split, role).anyMatch(s -> s.split() == split && s.role() == role);
      }
    }
    assertThat(SpeakerPool.createExternal(24, 61, 7)).isEqualTo(speakers);
  }

  private static double mean(Emotion emotion, ToDoubleFunction<VoiceEffects> field) {
    Random random = new Random(3);
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      sum += field.applyAsDouble(EffectsSampler.sample(emotion, SLT, random));
    }
    return sum / DRAWS;
  }
}
