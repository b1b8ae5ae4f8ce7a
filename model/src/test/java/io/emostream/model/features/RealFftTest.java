package io.emostream.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RealFftTest {

  @Test
  void shouldGiveTheSamePowerSpectrumAsTheFullComplexTransform() {
    Random random = new Random(7);
    for (int size : new int[] {2, 8, 512, 1024}) {
      double[] x = new double[size];
      for (int i = 0; i < size; i++) {
        x[i] = random.nextGaussian();
      }
      double[] re = x.clone();
      double[] im = new double[size];
      new Fft(size).transform(re, im);
      double[] power = new double[size / 2 + 1];

      new RealFft(size).power(x, power, new double[size / 2], new double[size / 2]);

      for (int k = 0; k <= size / 2; k++) {
        double expected = re[k] * re[k] + im[k] * im[k];
        assertThat(power[k]).as("bin %d of %d", k, size).isCloseTo(expected, within(1e-9 * (1 + expected)));
      }
    }
  }

  @Test
  void shouldPutAPureToneInItsBin() {
    int size = 512;
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = Math.cos(2 * Math.PI * 32 * i / size);
    }
    double[] power = new double[size / 2 + 1];

    new RealFft(size).power(x, power, new double[size / 2], new double[size / 2]);

    assertThat(power[32]).isCloseTo((size / 2.0) * (size / 2.0), within(1e-6));
    assertThat(power[31] + power[33]).isLessThan(1e-12);
  }

  @Test
  void shouldWriteOnlyTheBinsAskedForWithTheSameValues() {
    int size = 1024;
    Random random = new Random(3);
    double[] x = new double[size];
    for (int i = 0; i < 400; i++) {
      x[i] = random.nextGaussian();
    }
    double[] full = new double[size / 2 + 1];
    double[] bounded = new double[size / 2 + 1];
    java.util.Arrays.fill(bounded, -1.0);
    RealFft fft = new RealFft(size);

    fft.power(x, full, new double[size / 2], new double[size / 2]);
    fft.power(x, bounded, new double[size / 2], new double[size / 2], 244);

    for (int k = 0; k < 244; k++) {
      assertThat(bounded[k]).as("bin %d", k).isEqualTo(full[k]);
    }
    assertThat(bounded[244]).isEqualTo(-1.0);
  }
}
