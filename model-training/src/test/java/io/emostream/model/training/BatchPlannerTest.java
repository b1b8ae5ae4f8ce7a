package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.data.ValenceText;
import io.emostream.model.djl.BatchEncoder;
import io.emostream.model.features.LogMelFeatures;
import io.emostream.model.text.TokenizedText;
import io.emostream.model.text.cues.TextCueAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

  private static final BatchEncoder.Prepared BOTH = new BatchEncoder.Prepared(
      new LogMelFeatures(2, 1, new float[2]), new TokenizedText(new int[][] {{1}, {2}}));

  @Test
  void shouldNeverShowASpokenSentenceByItsVoiceAlone() {
    ValenceText sentence = new ValenceText("s", "the worst service I have ever had", -1, "test");
    Target spoken = Target.spoken(sentence, TextCueAnalyzer.bundled().analyze(sentence.text(), 64));
    List<PreparedExample> batch = List.of(new PreparedExample("s", BOTH, spoken, null));

    List<BatchEncoder.Prepared> shown = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; i < 400; i++) {
      shown.addAll(BatchPlanner.withModalityDropout(batch, 1f, random));
    }

    assertThat(shown).as("every draw withholds a modality; only the audio may go").allSatisfy(p -> {
      assertThat(p.text().length()).isPositive();
    });
    assertThat(shown).anySatisfy(p -> assertThat(p.audio()).isNull());
  }

  @Test
  void shouldShowACorpusClipAudioOnlyTextOnlyOrBoth() {
    Target clip = new Target(new float[] {0, 0, 1, 0}, new float[] {0, 0, 1, 0}, new float[] {0, 1, 0, 0},
        -0.5f, 0.8f, 2);
    List<PreparedExample> batch = List.of(new PreparedExample("c", BOTH, clip, null));

    List<BatchEncoder.Prepared> shown = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; i < 400; i++) {
      shown.addAll(BatchPlanner.withModalityDropout(batch, 1f, random));
    }

    assertThat(shown).anySatisfy(p -> assertThat(p.text().length()).isZero());
    assertThat(shown).anySatisfy(p -> assertThat(p.audio()).isNull());
  }
}
