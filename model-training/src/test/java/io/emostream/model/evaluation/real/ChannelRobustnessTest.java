package io.emostream.model.evaluation.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import io.emostream.model.UtteranceInput;
import io.emostream.model.data.ValenceText;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ChannelRobustnessTest {

  private static final List<String> LABELS = List.of("neutral", "happy", "angry", "sad");

  private static EmotionPrediction labelled(int index) {
    float[] p = new float[4];
    p[index] = 1f;
    return new EmotionPrediction(LABELS, p, 0f, 0.3f, Set.of(Modality.AUDIO));
  }

  private static float[] tone(double amplitude) {
    float[] x = new float[16_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * 200 * i / 16_000.0));
    }
    return x;
  }

  @Test
  void shouldCountAnUtteranceStableOnlyWhenEveryChannelKeepsItsCleanLabel() {
    // a "model" that says angry whenever the audio is loud: the -6 dBFS level rendering flips quiet input
    Function<List<UtteranceInput>, List<EmotionPrediction>> loudIsAngry = inputs -> inputs.stream()
        .map(u -> labelled(peak(u.audio()) > 0.3 ? 2 : 0)).toList();
    List<UtteranceInput> utterances = List.of(new UtteranceInput("quiet", tone(0.01), "a"),
        new UtteranceInput("loud", tone(0.6), "b"));
    ChannelRobustness r = ChannelRobustness.measure(loudIsAngry, utterances);
    assertThat(r.byChannel().get("audio+text").get("level-6dBFS")).isEqualTo(0.5);
    assertThat(r.byChannel().get("audio+text").get("noise-55dBFS")).isEqualTo(1.0);
    assertThat(r.all().get("audio+text")).isLessThan(1.0);
    assertThat(r.byChannel()).containsOnlyKeys("audio+text", "audio only");
  }

  @Test
  void shouldCountAZeroScoreAsAWrongSign() {
    List<ValenceText> truth = List.of(new ValenceText("a", "x", 1, "t"), new ValenceText("b", "y", -1, "t"),
        new ValenceText("c", "z", 1, "t"), new ValenceText("d", "w", -1, "t"));
    assertThat(RealMaterialSuite.signShare(truth, List.of(0.4, -0.1, 0.0, 0.2))).isEqualTo(0.5);
  }

  private static double peak(float[] x) {
    double m = 0;
    for (float v : x) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
