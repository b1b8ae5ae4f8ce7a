package io.emostream.model.djl;

import static io.emostream.model.djl.TinyModels.audio;
import static io.emostream.model.djl.TinyModels.both;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import io.emostream.model.UtteranceInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DjlEmotionModelTest {

  private static DjlEmotionModel model;

  @BeforeAll
  static void createModel() {
    model = TinyModels.random(42);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  private static List<UtteranceInput> mixedBatch() {
    return List.of(
        both("both-short", 0.3, "no"),
        both("both-long", 3.5, "I have been waiting for forty minutes and nobody has called me back, this is ridiculous"),
        new UtteranceInput("audio-only", audio(1.2, 5), null),
        new UtteranceInput("text-only", null, "thank you so much, that was really helpful!"),
        both("both-mid", 1.0, "okay"),
        new UtteranceInput("audio-tiny", audio(0.02, 9), null),
        new UtteranceInput("text-one-word", null, "why"));
  }

  @Test
  void shouldPredictTheSameAloneAsInAnyPaddedBatchInAnyOrder() {
    List<UtteranceInput> batch = mixedBatch();
    List<EmotionPrediction> alone = new ArrayList<>();
    for (UtteranceInput u : batch) {
      alone.add(model.predict(List.of(u)).get(0));
    }
    // the check below is only meaningful if utterances really score differently
    assertThat(maxDifference(alone.get(0), alone.get(1))).isGreaterThan(1e-3f);
    assertThat(maxDifference(alone.get(2), alone.get(5))).isGreaterThan(1e-3f);
    List<UtteranceInput> shuffled = new ArrayList<>(batch);
    for (long seed = 0; seed < 3; seed++) {
      Collections.shuffle(shuffled, new Random(seed));
      List<EmotionPrediction> together = model.predict(shuffled);
      for (int i = 0; i < shuffled.size(); i++) {
        int original = batch.indexOf(shuffled.get(i));
        assertSamePrediction(together.get(i), alone.get(original), shuffled.get(i).id());
      }
    }
  }

  @Test
  void shouldReturnValidProbabilitiesAndTheModalitiesUsed() {
    List<UtteranceInput> batch = mixedBatch();
    List<EmotionPrediction> predictions = model.predict(batch);
    assertThat(predictions).hasSize(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      EmotionPrediction p = predictions.get(i);
      double sum = 0;
      for (float v : p.probabilities()) {
        assertThat(v).isBetween(0f, 1f);
        sum += v;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-5));
      assertThat(p.valence()).isBetween(-1f, 1f);
      assertThat(p.arousal()).isBetween(0f, 1f);
      assertThat(p.labels()).containsExactly("neutral", "happy", "angry", "sad");
      assertThat(p.modalities()).isEqualTo(batch.get(i).modalities());
    }
    assertThat(predictions.get(2).modalities()).containsExactly(Modality.AUDIO);
    assertThat(predictions.get(3).modalities()).containsExactly(Modality.TEXT);
  }

  @Test
  void shouldReportNoTextModalityWhenTheTranscriptHasNoWords() {
    EmotionPrediction p = model.predict(List.of(both("punct", 0.5, "?!..."))).get(0);
    assertThat(p.modalities()).containsExactly(Modality.AUDIO);
  }

  @Test
  void shouldGiveDifferentPredictionsForDifferentModalitiesOfTheSameUtterance() {
    UtteranceInput full = both("u", 1.0, "this is unacceptable");
    List<EmotionPrediction> p = model.predict(List.of(full, new UtteranceInput("a", full.audio(), null),
        new UtteranceInput("t", null, full.text())));
    assertThat(p.get(0).probabilities()).isNotEqualTo(p.get(1).probabilities());
    assertThat(p.get(0).probabilities()).isNotEqualTo(p.get(2).probabilities());
  }

  @Test
  void shouldCutAudioLongerThanTheMaximum() {
    float[] longAudio = audio(6.0, 3);
    float[] cut = java.util.Arrays.copyOf(longAudio, model.info().maxAudioSamples());
    EmotionPrediction a = model.predict(List.of(new UtteranceInput("long", longAudio, "hi"))).get(0);
    EmotionPrediction b = model.predict(List.of(new UtteranceInput("cut", cut, "hi"))).get(0);
    assertSamePrediction(a, b, "long");
  }

  @Test
  void shouldBeDeterministicForTheSameSeedAndDifferForAnother() {
    UtteranceInput u = both("seeded", 0.8, "hello there");
    try (DjlEmotionModel same = TinyModels.random(42); DjlEmotionModel other = TinyModels.random(7)) {
      EmotionPrediction mine = model.predict(List.of(u)).get(0);
      assertSamePrediction(same.predict(List.of(u)).get(0), mine, "seeded");
      assertThat(other.predict(List.of(u)).get(0).probabilities()).isNotEqualTo(mine.probabilities());
    }
  }

  @Test
  void shouldDescribeItselfInInfo() {
    assertThat(model.info().name()).isEqualTo("tiny-test");
    assertThat(model.info().architecture()).isEqualTo("CrossModalEmotionNet");
    assertThat(model.info().sampleRate()).isEqualTo(16_000);
    assertThat(model.info().maxAudioSamples()).isEqualTo(4 * 16_000);
    assertThat(model.info().maxTokens()).isEqualTo(32);
    assertThat(model.info().standalone()).isEqualTo(Set.of(Modality.AUDIO, Modality.TEXT));
    assertThat(model.info().device()).isEqualTo("cpu()");
    assertThat(model.predict(List.of())).isEmpty();
  }

  private static float maxDifference(EmotionPrediction a, EmotionPrediction b) {
    float max = Math.abs(a.valence() - b.valence());
    for (int c = 0; c < a.probabilities().length; c++) {
      max = Math.max(max, Math.abs(a.probabilities()[c] - b.probabilities()[c]));
    }
    return max;
  }

  static void assertSamePrediction(EmotionPrediction actual, EmotionPrediction expected, String id) {
    for (int c = 0; c < expected.probabilities().length; c++) {
      assertThat(actual.probabilities()[c]).as("%s class %d", id, c)
          .isCloseTo(expected.probabilities()[c], within(1e-4f));
    }
    assertThat(actual.valence()).as("%s valence", id).isCloseTo(expected.valence(), within(1e-4f));
    assertThat(actual.arousal()).as("%s arousal", id).isCloseTo(expected.arousal(), within(1e-4f));
    assertThat(actual.modalities()).isEqualTo(expected.modalities());
  }
}
