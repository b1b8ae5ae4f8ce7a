package io.emostream.model.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

  static short[] sine(int rate, double hz, double amplitude, double seconds) {
    short[] s = new short[(int) (rate * seconds)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  /** Frequency from the count of zero crossings, over the middle (away from block edges). */
  static double frequency(short[] pcm, int rate) {
    int from = pcm.length / 10;
    int to = pcm.length - from;
    int crossings = 0;
    for (int i = from + 1; i < to; i++) {
      if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
        crossings++;
      }
    }
    return crossings / 2.0 / ((double) (to - from) / rate);
  }

  static double middleRms(short[] pcm) {
    int from = pcm.length / 10;
    int to = pcm.length - from;
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) pcm[i] * pcm[i];
    }
    return to <= from ? 0 : Math.sqrt(sum / (to - from));
  }

  @ParameterizedTest
  @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000})
  void shouldKeepASinesFrequencyAndLevelWhenConvertingTo16k(int rate) {
    short[] in = sine(rate, 1_000, 10_000, 1.0);
    short[] out = Resampler.to16k(rate).process(in);

    assertThat(out.length).isEqualTo((int) ((long) in.length * 16_000 / rate));
    assertThat(frequency(out, 16_000)).isCloseTo(1_000.0, within(2.0));
    assertThat(middleRms(out)).isCloseTo(10_000 / Math.sqrt(2), within(10_000 / Math.sqrt(2) * 0.01));
  }

  @ParameterizedTest
  @ValueSource(ints = {22_050, 32_000, 44_100, 48_000})
  void shouldAttenuateContentAboveTheNewNyquistInsteadOfFoldingItBack(int rate) {
    short[] in = sine(rate, 10_000, 10_000, 1.0); // above 8 kHz: would alias to 6 kHz if dropped
    short[] out = Resampler.to16k(rate).process(in);

    double attenuationDb = 20 * Math.log10(middleRms(out) / (10_000 / Math.sqrt(2)));
    assertThat(attenuationDb).isLessThan(-50);
  }

  @Test
  void shouldShowThatSampleDroppingWouldAliasWhatTheFilterRemoves() {
    short[] in = sine(48_000, 10_000, 10_000, 0.5);
    short[] dropped = new short[in.length / 3];
    for (int i = 0; i < dropped.length; i++) {
      dropped[i] = in[3 * i];
    }
    assertThat(frequency(dropped, 16_000)).as("naive decimation folds 10 kHz to 6 kHz").isCloseTo(6_000.0, within(20.0));
    assertThat(middleRms(Resampler.to16k(48_000).process(in))).isLessThan(middleRms(dropped) / 300);
  }

  @Test
  void shouldPassDcUnchanged() {
    short[] dc = new short[8_000];
    java.util.Arrays.fill(dc, (short) 1234);
    short[] out = Resampler.to16k(8_000).process(dc);
    for (short s : out) {
      assertThat(s).isEqualTo((short) 1234);
    }
  }

  @Test
  void shouldUpsampleTelephonyLikeTheGeneralConversionToWithinOneStep() {
    Random random = new Random(3);
    Resampler up = Resampler.to16k(8_000);
    int differing = 0;
    int total = 0;
    for (int length : new int[] {1, 17, 35, 36, 37, 71, 160, 1_000, 8_000, 40_000}) {
      short[] in = new short[length];
      float[] asFloat = new float[length];
      for (int i = 0; i < length; i++) {
        in[i] = (short) Math.round(9_000 * Math.sin(i * 0.07) + 7_000 * Math.sin(i * 0.31) + 3_000 * random.nextGaussian());
        asFloat[i] = in[i];
      }
      short[] fast = up.process(in);
      float[] reference = up.process(asFloat);
      assertThat(fast).hasSize(reference.length);
      for (int i = 0; i < fast.length; i++) {
        long expected = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round((double) reference[i])));
        assertThat((double) fast[i]).as("length %d, sample %d", length, i).isCloseTo(expected, within(1.0));
        differing += fast[i] != expected ? 1 : 0;
        total++;
      }
    }
    assertThat(differing).as("samples one step off among %d", total).isLessThan(total / 1_000);
  }
}
