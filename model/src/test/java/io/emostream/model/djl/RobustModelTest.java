package io.emostream.model.djl;

import static io.emostream.model.djl.TinyModels.audio;
import static io.emostream.model.djl.TinyModels.both;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import io.emostream.model.UtteranceInput;
import io.emostream.model.bundle.BundleManifest;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.features.FeatureConfig;
import io.emostream.model.runtime.DeviceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The robust variant (text cues, gated fusion, telephone-band front end) end to end in DJL. */
class RobustModelTest {

  private static DjlEmotionModel model;

  @BeforeAll
  static void createModel() {
    BundleManifest manifest = Manifests.crossModal("robust-test", "0.0.1", TinyModels.TINY.robust(),
        FeatureConfig.TELEPHONE_BAND, 7);
    model = DjlEmotionModel.createRandom(manifest, 7, DeviceSpec.CPU);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void shouldScoreEveryModalityMixInOnePaddedBatchAsItWouldAlone() {
    List<UtteranceInput> batch = List.of(both("both", 1.5, "this is not good at all"),
        new UtteranceInput("audio", audio(0.8, 3), null), new UtteranceInput("text", null, "thanks, really helpful"),
        both("short", 0.2, "ok"));
    List<EmotionPrediction> together = model.predict(batch);
    for (int i = 0; i < batch.size(); i++) {
      EmotionPrediction alone = model.predict(List.of(batch.get(i))).get(0);
      for (int c = 0; c < 4; c++) {
        assertThat(together.get(i).probabilities()[c]).isCloseTo(alone.probabilities()[c], within(1e-4f));
      }
      float sum = 0;
      for (float p : together.get(i).probabilities()) {
        sum += p;
      }
      assertThat(sum).isCloseTo(1f, within(1e-4f));
    }
  }

  @Test
  void shouldOnlyNamePresentModalitiesAsDriversAndKeepValenceConsistentWithTheLabel() {
    List<EmotionPrediction> out = model.predict(List.of(new UtteranceInput("audio", audio(0.8, 3), null),
        new UtteranceInput("text", null, "terrible, awful service"), both("both", 1.0, "great, thank you")));
    assertThat(out.get(0).drivenBy()).isEqualTo(Set.of(Modality.AUDIO));
    assertThat(out.get(1).drivenBy()).isEqualTo(Set.of(Modality.TEXT));
    assertThat(out.get(2).modalities()).containsAll(out.get(2).drivenBy());
    for (EmotionPrediction p : out) {
      switch (p.label()) {
        case "happy" -> assertThat(p.valence()).isGreaterThanOrEqualTo(0f);
        case "angry", "sad" -> assertThat(p.valence()).isLessThanOrEqualTo(0f);
        default -> { }
      }
    }
  }

  @Test
  void shouldApplyTheBundlesTemperatureWithoutChangingTheLabel(@TempDir Path dir) {
    UtteranceInput u = both("both", 1.0, "this is ridiculous");
    EmotionPrediction plain = model.predict(List.of(u)).get(0);
    model.save(dir);
    BundleManifest hot = model.manifest().withTemperature(4.0);
    io.emostream.model.bundle.BundleWriter.write(dir, hot, model.network());
    try (DjlEmotionModel calibrated = DjlEmotionModel.load(dir, DeviceSpec.CPU)) {
      EmotionPrediction softer = calibrated.predict(List.of(u)).get(0);
      assertThat(softer.label()).isEqualTo(plain.label());
      assertThat(softer.confidence()).isLessThan(plain.confidence());
    }
  }
}
