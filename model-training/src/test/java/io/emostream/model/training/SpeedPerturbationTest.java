package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpeedPerturbationTest {

  private static float[] tone(double hz, int samples) {
    float[] x = new float[samples];
    for (int i = 0; i < samples; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 16_000.0));
    }
    return x;
  }

  private static int upwardZeroCrossings(float[] x) {
    int n = 0;
    for (int i = 1; i < x.length; i++) {
      n += x[i - 1] < 0 && x[i] >= 0 ? 1 : 0;
    }
    return n;
  }

  @Test
  void shouldShortenTheClipAndRaiseItsPitchByTheFactor() {
    float[] clip = tone(200, 16_000);
    float[] faster = SpeedPerturbation.apply(clip, 1.1);
    assertThat(faster.length).isCloseTo((int) (16_000 / 1.1), within(2));
    // the same 200 cycles in a tenth less time: 220 Hz
    double hz = upwardZeroCrossings(faster) / (faster.length / 16_000.0);
    assertThat(hz).isCloseTo(220, within(3.0));
    float[] slower = SpeedPerturbation.apply(clip, 0.9);
    assertThat(slower.length).isCloseTo((int) (16_000 / 0.9), within(2));
  }

  @Test
  void shouldDrawFactorsInOnePercentStepsWithinTheSpread() {
    Random random = new Random(3);
    double low = 2;
    double high = 0;
    for (int i = 0; i < 2_000; i++) {
      double f = SpeedPerturbation.draw(0.1, random);
      assertThat(Math.abs(f * 100 - Math.round(f * 100))).isLessThan(1e-6);
      low = Math.min(low, f);
      high = Math.max(high, f);
    }
    assertThat(low).isCloseTo(0.9, within(1e-9));
    assertThat(high).isCloseTo(1.1, within(1e-9));
  }

  @Test
  void shouldChainIntoTheChannelAndRefuseAbsurdSpreads() {
    AudioAugmentation channelAfter = SpeedPerturbation.before(0.1, (audio, random) -> new float[] {audio.length});
    float[] out = channelAfter.render(new float[16_000], new Random(1));
    assertThat(out[0]).isBetween(16_000 / 1.1f - 2, 16_000 / 0.9f + 2);
    AudioAugmentation alone = SpeedPerturbation.before(0.1, null);
    assertThat(alone.render(new float[16_000], new Random(1))).isNotEmpty();
    AudioAugmentation same = (audio, random) -> audio;
    assertThat(SpeedPerturbation.before(0, same)).isSameAs(same);
    assertThatThrownBy(() -> SpeedPerturbation.before(0.6, same)).hasMessageContaining("--speed-perturbation");
    assertThatThrownBy(() -> SpeedPerturbation.apply(new float[4], 3.0)).hasMessageContaining("speed factor");
  }
}
