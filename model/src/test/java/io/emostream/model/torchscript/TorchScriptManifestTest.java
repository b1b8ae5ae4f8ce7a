package io.emostream.model.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emostream.model.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchScriptManifestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path bundleWith(Consumer<ObjectNode> change) throws Exception {
    Path bundle = TorchScriptFixture.copyTo(dir);
    ObjectNode manifest = (ObjectNode) JSON.readTree(bundle.resolve("manifest.json").toFile());
    change.accept(manifest);
    JSON.writeValue(bundle.resolve("manifest.json").toFile(), manifest);
    return bundle;
  }

  @Test
  void shouldReadTheFixtureManifest() {
    TorchScriptManifest m = TorchScriptManifest.read(TorchScriptFixture.bundleDir());

    assertThat(m.inputs()).containsExactly(TorchScriptInput.WAVEFORM, TorchScriptInput.WAVEFORM_LENGTHS,
        TorchScriptInput.INPUT_IDS, TorchScriptInput.ATTENTION_MASK);
    assertThat(m.maxAudioSamples()).isEqualTo(12 * 16_000);
    assertThat(m.minAudioSamples()).isEqualTo(400);
    assertThat(m.valenceArousalIndex()).isEqualTo(1);
    assertThat(m.scoresAreProbabilities()).isFalse();
    assertThat(m.missingAudio()).isEqualTo(TorchScriptManifest.MissingAudio.ZERO_LENGTH);
  }

  @Test
  void shouldNotAllowABundleWithoutManifest() {
    assertThatThrownBy(() -> TorchScriptManifest.read(dir))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("no manifest.json");
  }

  @Test
  void shouldNotAllowAMissingModelFile() throws Exception {
    Path bundle = bundleWith(m -> m.put("file", "absent.pt"));

    assertThatThrownBy(() -> TorchScriptManifest.read(bundle))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("'file' names absent.pt but");
  }

  @Test
  void shouldNotAllowAnUnknownInputName() throws Exception {
    Path bundle = bundleWith(m -> m.putArray("inputs").add("waveform").add("pixels"));

    assertThatThrownBy(() -> TorchScriptManifest.read(bundle))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("unknown input 'pixels'")
        .hasMessageContaining("waveform_lengths, input_ids, attention_mask");
  }

  @Test
  void shouldNotAllowZeroLengthAudioWithoutLengthsInput() throws Exception {
    Path bundle = bundleWith(m -> m.putArray("inputs").add("waveform").add("input_ids"));

    assertThatThrownBy(() -> TorchScriptManifest.read(bundle))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("'missing.audio' 'zero-length' needs waveform_lengths");
  }

  @Test
  void shouldNotAllowAnotherArchitectureOrSampleRate() throws Exception {
    Path wrongArchitecture = bundleWith(m -> m.put("architecture", "onnx"));
    assertThatThrownBy(() -> TorchScriptManifest.read(wrongArchitecture))
        .hasMessageContaining("'architecture' is 'onnx', expected 'torchscript'");

    Files.delete(dir.resolve("manifest.json"));
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Path wrongRate = bundleWith(m -> m.put("sampleRate", 8000));
    assertThatThrownBy(() -> TorchScriptManifest.read(wrongRate))
        .hasMessageContaining("'sampleRate' 8000 is not supported");
  }

  @Test
  void shouldDeriveStandaloneModalitiesFromInputsWhenNotDeclared() throws Exception {
    Path bundle = bundleWith(m -> {
      m.remove("standalone");
      m.putArray("inputs").add("waveform").add("waveform_lengths");
      m.remove("tokenizer");
    });

    assertThat(TorchScriptManifest.read(bundle).standalone()).containsExactly(io.emostream.model.Modality.AUDIO);
  }
}
