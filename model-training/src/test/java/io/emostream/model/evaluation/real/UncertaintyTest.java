package io.emostream.model.evaluation.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.emostream.model.evaluation.real.Uncertainty.Paired;
import org.junit.jupiter.api.Test;

class UncertaintyTest {

  @Test
  void shouldGiveTheExactSignTestOfTheDiscordantItems() {
    // 34 sentences right only with the voice, 53 only without it: the split 2.0.0 had on espeak-ng
    assertThat(new Paired(34, 53, 1000).p()).isCloseTo(0.053003, within(1e-5));
    assertThat(new Paired(0, 10, 10).p()).isCloseTo(0.001953125, within(1e-9));
    assertThat(new Paired(5, 5, 100).p()).isEqualTo(1.0);
    assertThat(new Paired(0, 0, 100).p()).isEqualTo(1.0);
    assertThat(new Paired(1, 0, 1).p()).isEqualTo(1.0);
  }

  @Test
  void shouldCountGainsAndLossesItemByItem() {
    Paired paired = Paired.of(new boolean[] {true, true, false, false, true}, new boolean[] {true, false, true, false,
        false});
    assertThat(paired).isEqualTo(new Paired(2, 1, 5));
    assertThatThrownBy(() -> Paired.of(new boolean[2], new boolean[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same");
    assertThatThrownBy(() -> new Paired(3, 3, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldBoundOneClipInEighteenWellAwayFromZero() {
    double[] one = Uncertainty.wilson(1, 18);
    assertThat(one[0]).isCloseTo(0.009875, within(1e-5));
    assertThat(one[1]).isCloseTo(0.257573, within(1e-5));
    double[] none = Uncertainty.wilson(0, 18);
    assertThat(none[0]).isEqualTo(0.0);
    assertThat(none[1]).isCloseTo(0.175879, within(1e-5));
    assertThat(Uncertainty.wilson(15, 18)[0]).isCloseTo(0.607780, within(1e-5));
    assertThatThrownBy(() -> Uncertainty.wilson(2, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
