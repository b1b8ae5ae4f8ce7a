package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RealCalmSpeechTest {

  private static final int RATE = 16_000;

  @Test
  void shouldCutRecordingsIntoUtteranceLengthSegments() {
    float[] voiced = tone(10 * RATE, 0.3f);

    List<float[]> segments = RealCalmSpeech.segments(voiced, new Random(1));

    assertThat(segments).isNotEmpty();
    assertThat(segments).allSatisfy(s -> assertThat(s.length).isBetween(RATE, 4 * RATE));
  }

  @Test
  void shouldSkipStretchesThatAreMostlySilence() {
    float[] audio = new float[12 * RATE];
    System.arraycopy(tone(3 * RATE, 0.3f), 0, audio, 0, 3 * RATE);

    List<float[]> segments = RealCalmSpeech.segments(audio, new Random(3));

    int voicedSamples = segments.stream().mapToInt(s -> s.length).sum();
    assertThat(voicedSamples).as("only the voiced first 3 s, give or take one segment").isLessThan(7 * RATE);
  }

  @Test
  void shouldNameThePackageWhenTheRecordingsAreMissing() {
    assertThatThrownBy(() -> RealCalmSpeech.load(Path.of("/nonexistent/codec2"), 1, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("codec2-examples");
  }

  private static float[] tone(int samples, float amplitude) {
    float[] out = new float[samples];
    for (int i = 0; i < samples; i++) {
      out[i] = amplitude * (float) Math.sin(2 * Math.PI * 220 * i / RATE);
    }
    return out;
  }
}
