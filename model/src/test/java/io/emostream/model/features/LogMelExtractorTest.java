package io.emostream.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogMelExtractorTest {

  private final LogMelExtractor extractor = new LogMelExtractor(FeatureConfig.DEFAULT);

  @Test
  void shouldMatchPlainDftReferenceWithin1e4() {
    float[] audio = noisyChirp(16_000 / 4);
    LogMelFeatures actual = extractor.logMel(audio);
    double[][] expected = referenceLogMel(audio, FeatureConfig.DEFAULT, extractor.filterbank());

    assertThat(actual.frames()).isEqualTo(expected.length).isEqualTo(1 + (4000 - 400) / 160);
    double worst = 0;
    for (int t = 0; t < actual.frames(); t++) {
      for (int b = 0; b < actual.bins(); b++) {
        worst = Math.max(worst, Math.abs(actual.get(t, b) - expected[t][b]));
      }
    }
    System.out.printf("log-mel vs O(N^2) DFT reference: max abs difference %.3g%n", worst);
    assertThat(worst).isLessThan(1e-4);
  }

  @Test
  void shouldPeakInTheMelBinCentredNearestTo1kHzForA1kHzSine() {
    float[] sine = new float[16_000];
    for (int i = 0; i < sine.length; i++) {
      sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0));
    }
    LogMelFeatures mel = extractor.logMel(sine);
    int nearest = 0;
    MelFilterbank bank = extractor.filterbank();
    for (int m = 1; m < bank.size(); m++) {
      if (Math.abs(bank.centreHz(m) - 1000) < Math.abs(bank.centreHz(nearest) - 1000)) {
        nearest = m;
      }
    }
    int frame = mel.frames() / 2;
    int peak = 0;
    for (int b = 1; b < mel.bins(); b++) {
      if (mel.get(frame, b) > mel.get(frame, peak)) {
        peak = b;
      }
    }
    assertThat(peak).isEqualTo(nearest);
    assertThat(bank.centreHz(peak)).isBetween(950.0, 1050.0);
  }

  @Test
  void shouldUseHtkMelScale() {
    assertThat(MelFilterbank.hzToMel(700)).isCloseTo(2595 * Math.log10(2), within(1e-9));
    assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(1234.5))).isCloseTo(1234.5, within(1e-9));
  }

  @Test
  void shouldNormaliseEachBinToZeroMeanAndUnitVariancePerUtterance() {
    LogMelFeatures f = extractor.extract(noisyChirp(16_000));
    for (int b = 0; b < f.bins(); b += 7) {
      double sum = 0;
      double sq = 0;
      for (int t = 0; t < f.frames(); t++) {
        sum += f.get(t, b);
        sq += f.get(t, b) * f.get(t, b);
      }
      double mean = sum / f.frames();
      assertThat(mean).isCloseTo(0, within(1e-4));
      assertThat(sq / f.frames() - mean * mean).isCloseTo(1, within(1e-2));
    }
  }

  @Test
  void shouldGiveOneFrameForAudioShorterThanAWindow() {
    LogMelFeatures f = extractor.extract(new float[] {0.1f, -0.2f, 0.3f});
    assertThat(f.frames()).isEqualTo(1);
    assertThat(f.values()).containsOnly(0f);
  }

  private static float[] noisyChirp(int n) {
    Random random = new Random(7);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double t = i / 16_000.0;
      x[i] = (float) (0.3 * Math.sin(2 * Math.PI * (200 + 3000 * t) * t) + 0.05 * random.nextGaussian());
    }
    return x;
  }

  /** Straightforward reference: windowed frames, O(N^2) DFT power spectrum, the filterbank, log. */
  private static double[][] referenceLogMel(float[] audio, FeatureConfig c, MelFilterbank bank) {
    int frames = 1 + (audio.length - c.windowSamples()) / c.hopSamples();
    int n = c.fftSize();
    double[][] out = new double[frames][c.melBins()];
    for (int t = 0; t < frames; t++) {
      double[] frame = new double[n];
      for (int i = 0; i < c.windowSamples(); i++) {
        double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / c.windowSamples());
        frame[i] = audio[t * c.hopSamples() + i] * hann;
      }
      double[] power = new double[n / 2 + 1];
      for (int k = 0; k <= n / 2; k++) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
          double angle = -2 * Math.PI * k * i / n;
          re += frame[i] * Math.cos(angle);
          im += frame[i] * Math.sin(angle);
        }
        power[k] = re * re + im * im;
      }
      for (int m = 0; m < c.melBins(); m++) {
        double energy = 0;
        for (int k = 0; k <= n / 2; k++) {
          energy += bank.weight(m, k) * power[k];
        }
        out[t][m] = Math.log(Math.max(energy, c.logFloor()));
      }
    }
    return out;
  }
}
