package io.emostream.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.ModelException;
import io.emostream.model.UtteranceInput;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.djl.TinyModels;
import io.emostream.model.net.CrossModalEmotionNet;
import io.emostream.model.runtime.DeviceSpec;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {

  private static final List<UtteranceInput> SAMPLES = List.of(
      TinyModels.both("a", 0.7, "I want to speak to a manager"),
      new UtteranceInput("b", TinyModels.audio(0.4, 1), null),
      new UtteranceInput("c", null, "lovely, thanks"));

  @TempDir
  Path dir;

  @Test
  void shouldReloadASavedBundleToIdenticalOutputs() throws Exception {
    List<EmotionPrediction> before;
    try (DjlEmotionModel model = TinyModels.random(11)) {
      before = model.predict(SAMPLES);
      model.save(dir);
    }
    assertThat(dir.resolve("manifest.json")).exists();
    assertThat(dir.resolve("weights.params")).exists();
    try (EmotionModel loaded = EmotionModels.load(dir.toString(), DeviceSpec.CPU)) {
      List<EmotionPrediction> after = loaded.predict(SAMPLES);
      for (int i = 0; i < SAMPLES.size(); i++) {
        assertThat(after.get(i).probabilities()).containsExactly(before.get(i).probabilities());
        assertThat(after.get(i).valence()).isEqualTo(before.get(i).valence());
        assertThat(after.get(i).arousal()).isEqualTo(before.get(i).arousal());
      }
      assertThat(loaded.info().name()).isEqualTo("tiny-test");
    }
    BundleManifest manifest = BundleReader.readManifest(dir);
    assertThat(manifest.provenance().seed()).isEqualTo(42L);
    assertThat(manifest.metrics()).isEmpty();
    assertThat(BundleReader.netConfig(manifest, dir)).isEqualTo(TinyModels.TINY);
  }

  @Test
  void shouldLoadABundleFromAClasspathPrefix() throws Exception {
    Path root = dir.resolve("classes");
    List<EmotionPrediction> before;
    try (DjlEmotionModel model = TinyModels.random(13)) {
      before = model.predict(SAMPLES);
      model.save(root.resolve("bundles/tiny"));
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, previous)) {
      Thread.currentThread().setContextClassLoader(loader);
      try (EmotionModel model = EmotionModels.load("classpath:bundles/tiny", DeviceSpec.CPU)) {
        List<EmotionPrediction> after = model.predict(SAMPLES);
        assertThat(after.get(0).probabilities()).containsExactly(before.get(0).probabilities());
        assertThat(model.info().version()).isEqualTo("0.0.1");
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void shouldNameTheMissingManifest() {
    assertThatThrownBy(() -> EmotionModels.load(dir.toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("no manifest.json in " + dir.toAbsolutePath());
    assertThatThrownBy(() -> EmotionModels.load("classpath:bundles/nothing-here", DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("bundles/nothing-here/manifest.json");
    assertThatThrownBy(() -> EmotionModels.load(dir.resolve("absent").toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void shouldNameTheMissingWeightsFile() throws Exception {
    saveTiny(dir);
    Files.delete(dir.resolve("weights.params"));
    assertThatThrownBy(() -> EmotionModels.load(dir.toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("weights file")
        .hasMessageContaining("weights.params is missing");
  }

  @Test
  void shouldRejectATooNewFormatVersion() throws Exception {
    saveTiny(dir);
    editManifest(dir, m -> m.put("formatVersion", 2));
    assertThatThrownBy(() -> EmotionModels.load(dir.toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("formatVersion 2, newer than this emostream reads (1)");
  }

  @Test
  void shouldRejectAnUnknownArchitecture() throws Exception {
    saveTiny(dir);
    editManifest(dir, m -> m.put("architecture", "ResNet"));
    assertThatThrownBy(() -> EmotionModels.load(dir.toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("unknown architecture 'ResNet'");
  }

  @Test
  void shouldSayWeightsDoNotMatchHyperParametersWhenAWidthDiffers() throws Exception {
    saveTiny(dir);
    editManifest(dir, m -> ((ObjectNode) m.get("hyperParameters")).put("ffDim", 48));
    assertThatThrownBy(() -> EmotionModels.load(dir.toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("weights do not match hyperParameters")
        .hasMessageContaining("feedForwardIn");
  }

  @Test
  void shouldSayWeightsDoNotMatchHyperParametersWhenLayerCountsDiffer() throws Exception {
    saveTiny(dir);
    editManifest(dir, m -> ((ObjectNode) m.get("hyperParameters")).put("audioLayers", 2));
    assertThatThrownBy(() -> EmotionModels.load(dir.toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("weights do not match hyperParameters");
  }

  @Test
  void shouldNameInvalidHyperParameters() throws Exception {
    saveTiny(dir);
    editManifest(dir, m -> ((ObjectNode) m.get("hyperParameters")).put("heads", 3));
    assertThatThrownBy(() -> EmotionModels.load(dir.toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("hyperParameters.dModel 32 must be divisible by heads 3");
  }

  @Test
  void shouldDispatchTorchscriptBundlesToTheTorchScriptLoader() throws Exception {
    Files.writeString(dir.resolve("manifest.json"), "{\"formatVersion\": 1, \"name\": \"byo\", \"version\": \"1\","
        + " \"architecture\": \"torchscript\", \"file\": \"model.pt\", \"tokenizer\": \"tokenizer.json\","
        + " \"labels\": [\"neutral\", \"happy\", \"angry\", \"sad\"]}");
    assertThatThrownBy(() -> EmotionModels.load(dir.toString(), DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining(dir.resolve("manifest.json").toString())
        .hasMessageNotContaining("unknown architecture")
        .hasMessageNotContaining(CrossModalEmotionNet.ARCHITECTURE);
    assertThat(BundleLocation.namedFiles(Manifests.JSON.readTree(dir.resolve("manifest.json").toFile())))
        .containsExactly("manifest.json", "weights.params", "model.pt", "tokenizer.json");
  }

  @Test
  void shouldKeepMetricsAndProvenanceThroughAWrite() {
    try (DjlEmotionModel model = TinyModels.random(3)) {
      BundleManifest m = model.manifest().withMetrics(Map.of("ua", 0.5))
          .withProvenance(new Provenance("synthetic v1", "2025-01-01", 3L, "test"));
      BundleWriter.write(dir, m, model.network());
    }
    BundleManifest read = BundleReader.readManifest(dir);
    assertThat(read.metrics()).containsEntry("ua", 0.5);
    assertThat(read.provenance().trainingCorpus()).isEqualTo("synthetic v1");
  }

  private static void saveTiny(Path dir) {
    try (DjlEmotionModel model = TinyModels.random(5)) {
      model.save(dir);
    }
  }

  private static void editManifest(Path dir, java.util.function.Consumer<ObjectNode> edit) throws Exception {
    Path file = dir.resolve("manifest.json");
    ObjectNode node = (ObjectNode) Manifests.JSON.readTree(file.toFile());
    edit.accept(node);
    Manifests.JSON.writeValue(file.toFile(), node);
  }
}
