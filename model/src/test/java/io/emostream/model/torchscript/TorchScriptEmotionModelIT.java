package io.emostream.model.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import io.emostream.model.ModelException;
import io.emostream.model.UtteranceInput;
import io.emostream.model.runtime.DeviceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the Python-made TorchScript fixture through DJL's PyTorch engine. */
class TorchScriptEmotionModelIT {

  private static final float TOLERANCE = 1e-4f;
  private static TorchScriptEmotionModel model;

  @BeforeAll
  static void load() {
    model = TorchScriptEmotionModel.load(TorchScriptFixture.bundleDir(), DeviceSpec.CPU);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static void assertMatches(EmotionPrediction p, JsonNode expected) {
    JsonNode probabilities = expected.get("probabilities");
    for (int i = 0; i < probabilities.size(); i++) {
      assertThat(p.probabilities()[i]).as("%s p[%d]", expected.get("id").asText(), i)
          .isCloseTo((float) probabilities.get(i).asDouble(), within(TOLERANCE));
    }
    assertThat(p.valence()).isCloseTo((float) expected.get("valence").asDouble(), within(TOLERANCE));
    assertThat(p.arousal()).isCloseTo((float) expected.get("arousal").asDouble(), within(TOLERANCE));
  }

  @Test
  void shouldDescribeTheBundleFromItsManifest() {
    assertThat(model.info().name()).isEqualTo("torchscript-fixture");
    assertThat(model.info().architecture()).isEqualTo("torchscript");
    assertThat(model.info().labels()).containsExactly("neutral", "happy", "angry", "sad");
    assertThat(model.info().maxTokens()).isEqualTo(32);
    assertThat(model.info().standalone()).containsExactlyInAnyOrder(Modality.AUDIO, Modality.TEXT);
  }

  @Test
  void shouldReproducePythonOutputsForEachUtteranceAlone() {
    for (JsonNode c : TorchScriptFixture.cases()) {
      UtteranceInput input = TorchScriptFixture.input(c);

      EmotionPrediction p = model.predict(List.of(input)).get(0);

      assertMatches(p, c);
      assertThat(p.modalities()).isEqualTo(input.modalities());
    }
  }

  @Test
  void shouldReproducePythonOutputsInOnePaddedMixedBatch() {
    List<JsonNode> cases = TorchScriptFixture.cases();
    List<UtteranceInput> batch = cases.stream().map(TorchScriptFixture::input).toList();

    List<EmotionPrediction> predictions = model.predict(batch);

    assertThat(predictions).hasSize(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      assertMatches(predictions.get(i), cases.get(i));
    }
  }

  @Test
  void shouldTokenizeLikeTheFixtureScript() throws Exception {
    try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
        TorchScriptFixture.bundleDir().resolve("tokenizer.json"), Map.of("padding", "false"))) {
      for (JsonNode c : TorchScriptFixture.cases()) {
        if (c.get("text").isNull()) {
          continue;
        }
        List<Long> expected = new ArrayList<>();
        c.get("inputIds").forEach(id -> expected.add(id.asLong()));
        long[] ids = tokenizer.encode(c.get("text").asText()).getIds();
        assertThat(ids).containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
      }
    }
  }

  @Test
  void shouldFailWithClearMessageWhenLogitsDoNotMatchTheLabels(@TempDir Path dir) throws Exception {
    Path bundle = TorchScriptFixture.copyTo(dir);
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) json.readTree(bundle.resolve("manifest.json").toFile());
    manifest.putArray("labels").add("neutral").add("happy").add("angry").add("sad").add("fear");
    json.writeValue(bundle.resolve("manifest.json").toFile(), manifest);

    try (TorchScriptEmotionModel wrong = TorchScriptEmotionModel.load(bundle, DeviceSpec.CPU)) {
      assertThatThrownBy(() -> wrong.predict(List.of(new UtteranceInput("u1", null, "hello"))))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("output 0 (logits) has shape (1, 4) but (1, 5) was expected");
    }
  }

  @Test
  void shouldFailWithClearMessageWhenTheFileIsNotTorchScript(@TempDir Path dir) throws Exception {
    Path bundle = TorchScriptFixture.copyTo(dir);
    Files.writeString(bundle.resolve("fixture.pt"), "not a model");

    assertThatThrownBy(() -> TorchScriptEmotionModel.load(bundle, DeviceSpec.CPU))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cannot load TorchScript module")
        .hasMessageContaining("fixture.pt");
  }
}
