package io.emostream.model.training;

import io.emostream.model.corpus.FlatSpeech;
import io.emostream.model.data.ValenceText;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Speaks training sentences with plain voices, alternating espeak-ng and flite (festival is too
 * slow for thousands of sentences), so the trainer sees real wording with a voice that carries
 * no emotion.
 */
public final class PlainVoices {

  private static final FlatSpeech.Voice[] VOICES = {FlatSpeech.Voice.ESPEAK_EN_US, FlatSpeech.Voice.FLITE_SLT};

  private PlainVoices() {}

  /** Every sentence spoken once, in order. */
  public static List<TrainingMaterial.SpokenText> speak(List<ValenceText> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    try (FlatSpeech speech = FlatSpeech.open()) {
      return IntStream.range(0, texts.size()).parallel().mapToObj(i -> new TrainingMaterial.SpokenText(texts.get(i),
          speech.speak(VOICES[i % VOICES.length], "train-" + i, texts.get(i).text()))).toList();
    }
  }
}
