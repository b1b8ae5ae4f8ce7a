package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TempoStretchTest {

  /** A voiced-speech-like signal: harmonics of {@code f0} in syllable-like bursts. */
  private static float[] voiced(double f0, int samples) {
    float[] x = new float[samples];
    for (int i = 0; i < samples; i++) {
      double t = i / 16_000.0;
      double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
      double s = 0;
      for (int h = 1; h <= 4; h++) {
        s += Math.sin(2 * Math.PI * h * f0 * t) / h;
      }
      x[i] = (float) (0.3 * envelope * s);
    }
    return x;
  }

  private static double pitchHz(float[] x) {
    // autocorrelation peak between 60 and 400 Hz over the middle second
    int start = x.length / 2 - 8_000;
    int bestLag = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int lag = 40; lag <= 266; lag++) {
      double r = 0;
      for (int i = start; i < start + 8_000; i++) {
        r += x[i] * x[i + lag];
      }
      if (r > best) {
        best = r;
        bestLag = lag;
      }
    }
    return 16_000.0 / bestLag;
  }

  @Test
  void shouldChangeTheLengthButKeepThePitch() {
    float[] clip = voiced(150, 48_000);
    for (double tempo : new double[] {0.9, 1.1}) {
      float[] stretched = TempoStretch.apply(clip, tempo);
      assertThat(stretched.length).isEqualTo((int) (48_000 / tempo));
      assertThat(pitchHz(stretched)).as("pitch at tempo %s", tempo).isCloseTo(150, within(4.0));
    }
    // speed perturbation, for contrast, moves the pitch with the rate
    assertThat(pitchHz(SpeedPerturbation.apply(clip, 1.1))).isCloseTo(165, within(4.0));
  }

  @Test
  void shouldKeepTheLevelAndHandleShortClips() {
    float[] clip = voiced(200, 32_000);
    float[] stretched = TempoStretch.apply(clip, 1.1);
    assertThat(rms(stretched)).isCloseTo(rms(clip), within(0.15 * rms(clip)));
    assertThat(TempoStretch.apply(new float[100], 1.1)).hasSize((int) (100 / 1.1));
    assertThatThrownBy(() -> TempoStretch.apply(clip, 2.5)).hasMessageContaining("tempo factor");
    AudioAugmentation tempo = SpeedPerturbation.before(0.1, true, null);
    assertThat(tempo.render(clip, new Random(2)).length).isBetween((int) (32_000 / 1.1), (int) (32_000 / 0.9) + 1);
    assertThatThrownBy(() -> SpeedPerturbation.before(0.7, true, null)).hasMessageContaining("--tempo-perturbation");
  }

  private static double rms(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum / x.length);
  }
}
