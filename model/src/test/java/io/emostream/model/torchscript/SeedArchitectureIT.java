package io.emostream.model.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import io.emostream.model.UtteranceInput;
import io.emostream.model.runtime.DeviceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed architecture (Wav2Vec2 + BERT-shaped encoders, cross-modal attention, statistics
 * pooling, early fusion) exported by {@code model/scripts/export_wav2vec2_bert.py} at reduced
 * depth, loaded through {@link TorchScriptEmotionModel} and checked against Python's TorchScript
 * runtime on the same inputs: 0.5 s to 30 s of audio, audio+text, audio-only and text-only, alone
 * and in padded mixed batches. Needs Debian's python3-torch and python3-torchaudio (see
 * {@link SeedArchitectureExport}).
 */
class SeedArchitectureIT {

  private static final float TOLERANCE = 1e-4f;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every modality mix in one batch padded to 30 s (indexes into {@link #cases}). */
  private static final List<Integer> MIXED_30S = List.of(0, 3, 4, 5);
  /** Padded to 10 s, text-only row first. */
  private static final List<Integer> MIXED_10S = List.of(5, 4, 2, 0);

  @TempDir
  static Path dir;

  private static Path bundle;
  private static List<UtteranceInput> cases;
  /** The batches given to Python, as indexes into {@link #cases}, and its scores for each. */
  private static List<List<Integer>> batches;
  private static JsonNode python;
  private static TorchScriptEmotionModel model;

  @BeforeAll
  static void exportScoreInPythonAndLoad() throws Exception {
    String py = SeedArchitectureExport.python();
    bundle = dir.resolve("bundle");
    SeedArchitectureExport.script(py, "export_wav2vec2_bert.py", "--size", "reduced", "--out", bundle.toString());

    cases = List.of(
        new UtteranceInput("both-0.5s", speech(0.5, 1), "I want to cancel my account, this is ridiculous!"),
        new UtteranceInput("both-3s", speech(3.0, 2), "thanks so much, that was really helpful"),
        new UtteranceInput("both-10s", speech(10.0, 3), "my internet has been broken for three days and nobody"
            + " called me back, I waited on hold for two hours yesterday and again today"),
        new UtteranceInput("both-30s", speech(30.0, 4), "okay"),
        new UtteranceInput("audio-only-2s", speech(2.0, 5), null),
        new UtteranceInput("text-only", null, "unfortunately I lost my phone and I am so worried"));
    batches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      batches.add(List.of(i));
    }
    batches.add(MIXED_30S);
    batches.add(MIXED_10S);

    ObjectNode inputs = JSON.createObjectNode();
    ArrayNode batchesNode = inputs.putArray("batches");
    for (List<Integer> batch : batches) {
      ArrayNode items = batchesNode.addArray();
      for (int index : batch) {
        UtteranceInput u = cases.get(index);
        ObjectNode item = items.addObject().put("id", u.id()).put("text", u.text());
        if (u.audio() == null) {
          item.putNull("audio");
        } else {
          SeedArchitectureExport.writeFloats(dir.resolve(u.id() + ".f32"), u.audio());
          item.put("audio", u.id() + ".f32");
        }
      }
    }
    JSON.writeValue(dir.resolve("inputs.json").toFile(), inputs);
    SeedArchitectureExport.script(py, "torchscript_reference.py", "score", "--bundle", bundle.toString(),
        "--inputs", dir.resolve("inputs.json").toString(), "--output", dir.resolve("scores.json").toString());
    python = JSON.readTree(dir.resolve("scores.json").toFile()).get("batches");

    model = TorchScriptEmotionModel.load(bundle, DeviceSpec.CPU);
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  /** Voiced-sounding audio: a gliding harmonic tone, syllable-rate amplitude, a little noise; in [-1, 1]. */
  private static float[] speech(double seconds, long seed) {
    Random random = new Random(seed);
    double pitch = 110 + 100 * random.nextDouble();
    float[] samples = new float[(int) Math.round(seconds * 16_000)];
    double phase = 0;
    for (int n = 0; n < samples.length; n++) {
      double t = n / 16_000.0;
      phase += 2 * Math.PI * pitch * (1 + 0.1 * Math.sin(2 * Math.PI * 0.7 * t)) / 16_000;
      double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
      double voiced = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
      samples[n] = (float) (0.25 * envelope * voiced + 0.01 * random.nextGaussian());
    }
    return samples;
  }

  private static void assertMatchesPython(EmotionPrediction p, JsonNode expected, String where) {
    String id = expected.get("id").asText();
    JsonNode probabilities = expected.get("probabilities");
    assertThat(p.probabilities()).as("%s %s", id, where).hasSize(probabilities.size());
    for (int i = 0; i < probabilities.size(); i++) {
      assertThat(p.probabilities()[i]).as("%s %s p[%d]", id, where, i)
          .isCloseTo((float) probabilities.get(i).asDouble(), within(TOLERANCE));
    }
    assertThat(p.valence()).as("%s %s valence", id, where)
        .isCloseTo((float) expected.get("valence").asDouble(), within(TOLERANCE));
    assertThat(p.arousal()).as("%s %s arousal", id, where)
        .isCloseTo((float) expected.get("arousal").asDouble(), within(TOLERANCE));
  }

  @Test
  void shouldWriteTheContractsManifestWithTheSeedArchitecturesLimits() {
    assertThat(model.info().name()).isEqualTo("seed-wav2vec2-bert-reduced");
    assertThat(model.info().labels()).containsExactly("neutral", "happy", "angry", "sad");
    assertThat(model.info().standalone()).containsExactlyInAnyOrder(Modality.AUDIO, Modality.TEXT);
    assertThat(model.manifest().maxAudioSamples()).isEqualTo(30 * 16_000);
    assertThat(model.manifest().minAudioSamples()).isEqualTo(400);
    assertThat(model.manifest().valenceArousalIndex()).isEqualTo(1);
  }

  @Test
  void shouldTokenizeLikeThePythonReference() throws Exception {
    try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(bundle.resolve("tokenizer.json"),
        Map.of("padding", "false", "maxLength", "128", "truncation", "true"))) {
      for (JsonNode batch : python) {
        for (JsonNode scored : batch) {
          UtteranceInput u = cases.stream().filter(c -> c.id().equals(scored.get("id").asText())).findFirst()
              .orElseThrow();
          long[] expected = JSON.convertValue(scored.get("inputIds"), long[].class);
          long[] actual = u.text() == null ? new long[0] : tokenizer.encode(u.text()).getIds();
          assertThat(actual).as(u.id()).containsExactly(expected);
        }
      }
    }
  }

  @Test
  void shouldMatchPythonForEveryModalityAndLengthScoredAlone() {
    for (int b = 0; b < cases.size(); b++) {
      UtteranceInput u = cases.get(batches.get(b).get(0));

      EmotionPrediction p = model.predict(List.of(u)).get(0);

      assertMatchesPython(p, python.get(b).get(0), "alone");
      assertThat(p.modalities()).isEqualTo(u.modalities());
    }
  }

  @Test
  void shouldMatchPythonInPaddedMixedBatches() {
    for (int b = cases.size(); b < batches.size(); b++) {
      List<UtteranceInput> batch = batches.get(b).stream().map(cases::get).toList();

      List<EmotionPrediction> predictions = model.predict(batch);

      assertThat(predictions).hasSize(batch.size());
      for (int row = 0; row < batch.size(); row++) {
        assertMatchesPython(predictions.get(row), python.get(b).get(row), "in batch " + b + " row " + row);
      }
    }
  }

  @Test
  void shouldScoreEachUtteranceTheSameAloneAndInAPaddedBatch() {
    List<UtteranceInput> mixed = MIXED_10S.stream().map(cases::get).toList();

    List<EmotionPrediction> batch = model.predict(mixed);

    for (int i = 0; i < mixed.size(); i++) {
      EmotionPrediction alone = model.predict(List.of(mixed.get(i))).get(0);
      assertThat(batch.get(i).probabilities()).as(mixed.get(i).id())
          .usingComparatorWithPrecision(TOLERANCE).containsExactly(alone.probabilities());
      assertThat(batch.get(i).valence()).isCloseTo(alone.valence(), within(TOLERANCE));
      assertThat(batch.get(i).arousal()).isCloseTo(alone.arousal(), within(TOLERANCE));
    }
  }
}
