package io.emostream.model.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The telephone-band front end must not care about level, digital silence or a quiet noise floor. */
class FlooredCmnTest {

  private final LogMelExtractor extractor = new LogMelExtractor(FeatureConfig.TELEPHONE_BAND);

  /** Half a second of silence, one second of a voiced sound, half a second of silence. */
  private static float[] speechWithPauses(double gain, double noiseDbfs) {
    Random random = new Random(3);
    float[] x = new float[32_000];
    double noise = Math.pow(10, noiseDbfs / 20);
    for (int i = 0; i < x.length; i++) {
      double t = i / 16_000.0;
      double voiced = i >= 8_000 && i < 24_000
          ? 0.3 * Math.sin(2 * Math.PI * 140 * t) + 0.2 * Math.sin(2 * Math.PI * 720 * t)
              + 0.1 * Math.sin(2 * Math.PI * 1_300 * t) : 0;
      x[i] = (float) (gain * voiced + (noiseDbfs > -200 ? noise * random.nextGaussian() : 0));
    }
    return x;
  }

  private static double meanAbsoluteDifference(LogMelFeatures a, LogMelFeatures b) {
    double sum = 0;
    for (int i = 0; i < a.values().length; i++) {
      sum += Math.abs(a.values()[i] - b.values()[i]);
    }
    return sum / a.values().length;
  }

  @Test
  void shouldGiveTheSameFeaturesAtAnyLevel() {
    LogMelFeatures loud = extractor.extract(speechWithPauses(1.0, -300));
    LogMelFeatures quiet = extractor.extract(speechWithPauses(0.02, -300));
    assertThat(meanAbsoluteDifference(loud, quiet)).isLessThan(1e-3);
  }

  @Test
  void shouldTreatAQuietNoiseFloorLikeDigitalSilence() {
    LogMelFeatures clean = extractor.extract(speechWithPauses(1.0, -300));
    LogMelFeatures noisy = extractor.extract(speechWithPauses(1.0, -70));
    assertThat(meanAbsoluteDifference(clean, noisy)).isLessThan(0.05);
    LegacyContrast legacy = new LegacyContrast();
    assertThat(legacy.difference()).as("cmvn, for contrast, is far apart on the same pair").isGreaterThan(0.3);
  }

  /** The old front end on the same pair. */
  private static final class LegacyContrast {
    double difference() {
      LogMelExtractor cmvn = new LogMelExtractor(FeatureConfig.DEFAULT);
      return meanAbsoluteDifference(cmvn.extract(speechWithPauses(1.0, -300)),
          cmvn.extract(speechWithPauses(1.0, -70)));
    }
  }
}
