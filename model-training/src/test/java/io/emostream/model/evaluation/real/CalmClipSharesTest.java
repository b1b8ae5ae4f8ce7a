package io.emostream.model.evaluation.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalmClipSharesTest {

  private static final List<String> LABELS = List.of("neutral", "happy", "angry", "sad");

  @Test
  void shouldCountEachSourceApartInTheOrderTheSourcesFirstAppear() {
    List<RealSpeechClips.Clip> clips = List.of(clip("a1", "alsa"), clip("t1", "tutorial"), clip("a2", "alsa"),
        clip("t2", "tutorial"));
    List<EmotionPrediction> fused = List.of(neutral(), neutral(), angry(0.9f), neutral());
    List<EmotionPrediction> audio = List.of(neutral(), angry(0.5f), neutral(), angry(0.4f));

    var bySource = CalmClipShares.bySource(clips, fused, audio);

    assertThat(bySource.keySet()).containsExactly("alsa", "tutorial");
    assertThat(bySource.get("alsa")).isEqualTo(new CalmClipShares(2, 0.5, 0.5, 1.0, 0.0));
    assertThat(bySource.get("tutorial").audioAngry()).isCloseTo(1.0, within(1e-9));
    assertThat(bySource.get("tutorial").fusedNeutral()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldListEveryClipReadAngryWithItsViewWordsAndConfidence() {
    List<RealSpeechClips.Clip> clips = List.of(clip("a1", "alsa"), clip("t1", "tutorial"));

    List<String> lines = CalmClipShares.angry(clips, List.of(neutral(), angry(0.98f)),
        List.of(angry(0.54f), angry(0.41f)));

    assertThat(lines).containsExactly(
        "audio only: alsa a1 \"words of a1\" ANGRY 0.54",
        "audio only: tutorial t1 \"words of t1\" ANGRY 0.41",
        "audio+text: tutorial t1 \"words of t1\" ANGRY 0.98");
  }

  private static RealSpeechClips.Clip clip(String id, String source) {
    return new RealSpeechClips.Clip(id, source, new float[16], "words of " + id);
  }

  private static EmotionPrediction neutral() {
    return new EmotionPrediction(LABELS, new float[] {0.7f, 0.1f, 0.1f, 0.1f}, 0f, 0f, Set.of(Modality.AUDIO));
  }

  private static EmotionPrediction angry(float p) {
    float rest = (1 - p) / 3;
    return new EmotionPrediction(LABELS, new float[] {rest, rest, p, rest}, -0.5f, 0.5f, Set.of(Modality.AUDIO));
  }
}
