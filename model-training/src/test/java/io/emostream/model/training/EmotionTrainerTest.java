package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.data.Example;
import io.emostream.model.data.Split;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmotionTrainerTest {

  @Test
  void shouldRepeatOnlyTheItemsWhoseArousedVoiceOverrulesTheWords() {
    List<Example> examples = List.of(
        example("furious-voice-polite-words", "angry", true, "neutral", "angry"),
        example("cold-anger", "angry", true, "angry", "neutral"),
        example("sad-voice-plain-words", "neutral", true, "neutral", "sad"),
        example("congruent", "happy", false, "happy", "happy"));

    assertThat(EmotionTrainer.overruledByVoice(examples)).containsExactly("furious-voice-polite-words");
  }

  private static Example example(String id, String label, boolean conflicting, String text, String voice) {
    return new Example(id, Split.TRAIN, "s", label, "words", () -> new float[160], null, null, conflicting, text,
        voice);
  }
}
