package io.emostream.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticManifestReaderTest {

  @TempDir
  Path temp;

  @Test
  void shouldReadEveryUtteranceWithSplitLabelTextAndAudio() throws IOException {
    Path dir = ToyCorpus.write(temp, 2, 1, 1);
    SyntheticManifestReader reader = new SyntheticManifestReader(dir);

    List<Example> all = reader.read();

    assertThat(all).hasSize(4 * (2 + 1 + 1));
    assertThat(reader.read(Split.DEV)).hasSize(4).allMatch(e -> e.split() == Split.DEV);
    Example first = all.get(0);
    assertThat(first.label()).isEqualTo("neutral");
    assertThat(first.text()).isNotBlank();
    assertThat(first.audio().load().length).isGreaterThan(8_000);
    assertThat(reader.description()).contains("toy 1");
  }

  @Test
  void shouldNameTheLineOfABadEntry() throws IOException {
    Path dir = ToyCorpus.write(temp, 1, 1, 1);
    Path manifest = dir.resolve(SyntheticManifestReader.MANIFEST);
    List<String> lines = new ArrayList<>(Files.readAllLines(manifest));

    lines.set(1, lines.get(1).replace("\"happy\"", "\"bored\""));
    Files.write(manifest, lines);
    assertThatThrownBy(() -> new SyntheticManifestReader(dir).read()).isInstanceOf(CorpusException.class)
        .hasMessageContaining(manifest + ":2").hasMessageContaining("'bored'");

    lines.set(1, "{not json");
    Files.write(manifest, lines);
    assertThatThrownBy(() -> new SyntheticManifestReader(dir).read())
        .hasMessageContaining(manifest + ":2").hasMessageContaining("not valid JSON");

    lines.set(1, "{\"id\": \"x\", \"split\": \"train\", \"label\": \"sad\", \"wav\": \"wav/none.wav\"}");
    Files.write(manifest, lines);
    assertThatThrownBy(() -> new SyntheticManifestReader(dir).read()).hasMessageContaining("none.wav");
  }

  @Test
  void shouldExplainAMissingCorpusDirectory() {
    assertThatThrownBy(() -> new SyntheticManifestReader(temp.resolve("missing")).read())
        .isInstanceOf(CorpusException.class).hasMessageContaining("does not exist").hasMessageContaining("--corpus");
    assertThatThrownBy(() -> new SyntheticManifestReader(temp).read())
        .hasMessageContaining("no manifest.jsonl");
  }
}
