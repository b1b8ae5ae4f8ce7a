package io.emostream.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpeakerPoolTest {

  @Test
  void shouldGiveEverySplitAgentsAndCustomers() {
    List<Speaker> speakers = SpeakerPool.create(TestVoices.CATALOG, 12, 3);
    assertThat(speakers).hasSize(12);
    for (CorpusSplit split : CorpusSplit.values()) {
      for (Role role : Role.values()) {
        assertThat(speakers).as("%s %s", split, role).anyMatch(s -> s.split() == split && s.role() == role);
      }
    }
    assertThat(speakers.stream().filter(s -> s.split() == CorpusSplit.TRAIN).count()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void shouldUseEachAccentAndVariantPairOnceAndEveryVariantBeforeRepeatingOne() {
    List<Speaker> speakers = SpeakerPool.create(TestVoices.CATALOG, 12, 3);
    assertThat(speakers.stream().map(s -> s.language() + "+" + s.variant().name())).doesNotHaveDuplicates();
    assertThat(speakers.subList(0, 3).stream().map(s -> s.variant().name())).doesNotHaveDuplicates();
    assertThat(speakers).allSatisfy(s -> assertThat(s.pitchScale()).isBetween(0.9, 1.1));
  }

  @Test
  void shouldDrawTheSameSpeakersFromTheSameSeed() {
    assertThat(SpeakerPool.create(TestVoices.CATALOG, 8, 5)).isEqualTo(SpeakerPool.create(TestVoices.CATALOG, 8, 5));
  }

  @Test
  void shouldRefuseMoreSpeakersThanVoicesOrTooFewForThreeSplits() {
    assertThatThrownBy(() -> SpeakerPool.create(TestVoices.CATALOG, 13, 1))
        .hasMessageContaining("--speakers must be between 6 and 12");
    assertThatThrownBy(() -> SpeakerPool.create(TestVoices.CATALOG, 5, 1)).hasMessageContaining("--speakers");
  }
}
