package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PitchShiftTest {

  private static final int RATE = 16_000;

  @Test
  void shouldRaiseThePitchAndKeepTheDuration() {
    float[] voice = tone(2 * RATE, 200);

    float[] higher = PitchShift.apply(voice, 6);

    assertThat(higher.length).isCloseTo(voice.length, within(RATE / 50));
    assertThat(hz(higher)).as("six semitones up is about 1.41 times the pitch").isCloseTo(282.0, within(8.0));
    assertThat(hz(PitchShift.apply(voice, 3))).isCloseTo(238.0, within(8.0));
    assertThat(hz(PitchShift.apply(voice, -3))).isCloseTo(168.0, within(8.0));
  }

  @Test
  void shouldLeaveTheAudioAloneAtZeroAndNameTheOptionWhenOutOfRange() {
    float[] voice = tone(RATE, 200);

    assertThat(PitchShift.apply(voice, 0)).isSameAs(voice);
    assertThatThrownBy(() -> PitchShift.apply(voice, 12)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--calm-speech-pitch-shifts").hasMessageContaining("12");
  }

  /** Frequency by zero crossings over the middle half (the ends carry the stretch's ramps). */
  private static double hz(float[] audio) {
    int from = audio.length / 4;
    int to = 3 * audio.length / 4;
    int crossings = 0;
    for (int i = from + 1; i < to; i++) {
      if ((audio[i - 1] < 0) != (audio[i] < 0)) {
        crossings++;
      }
    }
    return crossings / 2.0 / ((double) (to - from) / RATE);
  }

  private static float[] tone(int samples, double hz) {
    float[] out = new float[samples];
    for (int i = 0; i < samples; i++) {
      out[i] = 0.3f * (float) Math.sin(2 * Math.PI * hz * i / RATE);
    }
    return out;
  }
}
