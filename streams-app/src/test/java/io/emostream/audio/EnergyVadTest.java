package io.emostream.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EnergyVadTest {

  private final EnergyVad vad = new EnergyVad(new EnergyVad.Settings(20, 10, -55, 500, 15_000, 300));

  /** Noise at {@code noise} rms with a 300 Hz tone of {@code amplitude} over [fromMs, toMs). */
  static short[] signal(int lengthMs, double noise, double amplitude, long fromMs, long toMs) {
    Random r = new Random(3);
    short[] s = new short[lengthMs * 16];
    for (int i = 0; i < s.length; i++) {
      double v = r.nextGaussian() * noise;
      if (i / 16 >= fromMs && i / 16 < toMs) {
        v += amplitude * Math.sin(2 * Math.PI * 300 * i / 16_000.0);
      }
      s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
    }
    return s;
  }

  @Test
  void shouldFindSpeechAboveTelephonyLineNoise() {
    EnergyVad.Result r = vad.segment(signal(5_000, 300, 8_000, 1_000, 3_000), 10_000, Double.NaN, false);
    assertThat(r.segments()).singleElement().satisfies(s -> {
      assertThat(s.startMs()).isCloseTo(11_000L, within(20L));
      assertThat(s.endMs()).isCloseTo(13_300L, within(40L));
    });
    assertThat(r.resumeMs()).isEqualTo(15_000);
  }

  @Test
  void shouldFindNothingInNoiseOrDigitalSilence() {
    assertThat(vad.segment(signal(5_000, 300, 0, 0, 0), 0, Double.NaN, true).segments()).isEmpty();
    assertThat(vad.segment(new short[16_000 * 3], 0, Double.NaN, true).segments()).isEmpty();
  }

  @Test
  void shouldLeaveOpenSpeechForTheNextPassUnlessFlushing() {
    short[] s = signal(3_000, 100, 8_000, 2_000, 3_000);
    EnergyVad.Result open = vad.segment(s, 0, Double.NaN, false);
    assertThat(open.segments()).isEmpty();
    assertThat(open.resumeMs()).isCloseTo(2_000L, within(20L));

    EnergyVad.Result flushed = vad.segment(s, 0, Double.NaN, true);
    assertThat(flushed.segments()).singleElement().satisfies(seg -> assertThat(seg.endMs()).isEqualTo(3_000));
  }

  @Test
  void shouldCutSpeechLongerThanTheMaximumAndDropClicks() {
    EnergyVad.Result r = vad.segment(signal(40_000, 100, 8_000, 1_000, 36_000), 0, Double.NaN, false);
    assertThat(r.segments()).hasSize(3);
    assertThat(r.segments().get(0).endMs() - r.segments().get(0).startMs()).isEqualTo(15_000);

    EnergyVad.Result click = vad.segment(signal(3_000, 100, 8_000, 1_000, 1_100), 0, Double.NaN, true);
    assertThat(click.segments()).isEmpty();
  }
}
