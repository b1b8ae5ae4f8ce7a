package io.emostream.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

  @Test
  void shouldMatchTheDefinitionOfTheDiscreteFourierTransform() {
    Random random = new Random(11);
    for (int size : new int[] {1, 2, 4, 8, 16, 64, 512}) {
      double[] re = new double[size];
      double[] im = new double[size];
      for (int i = 0; i < size; i++) {
        re[i] = random.nextGaussian();
        im[i] = random.nextGaussian();
      }
      double[] expectedRe = new double[size];
      double[] expectedIm = new double[size];
      for (int k = 0; k < size; k++) {
        for (int n = 0; n < size; n++) {
          double angle = -2 * Math.PI * ((long) k * n % size) / size;
          expectedRe[k] += re[n] * Math.cos(angle) - im[n] * Math.sin(angle);
          expectedIm[k] += re[n] * Math.sin(angle) + im[n] * Math.cos(angle);
        }
      }

      new Fft(size).transform(re, im);

      for (int k = 0; k < size; k++) {
        assertThat(re[k]).as("re of bin %d of %d", k, size).isCloseTo(expectedRe[k], within(1e-9 * size));
        assertThat(im[k]).as("im of bin %d of %d", k, size).isCloseTo(expectedIm[k], within(1e-9 * size));
      }
    }
  }
}
