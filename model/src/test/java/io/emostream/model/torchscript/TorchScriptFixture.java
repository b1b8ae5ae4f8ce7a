package io.emostream.model.torchscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.model.UtteranceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The TorchScript fixture bundle made by {@code make_fixture.py}, and its expected outputs.
 * Audio is rebuilt from the tone formula in expected.json exactly as the script built it.
 */
public final class TorchScriptFixture {

  private TorchScriptFixture() {}

  /** The fixture bundle directory (manifest.json, fixture.pt, tokenizer.json). */
  public static Path bundleDir() {
    try {
      return Path.of(TorchScriptFixture.class.getResource("/torchscript/manifest.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cases of expected.json. */
  public static List<JsonNode> cases() {
    try {
      JsonNode root = new ObjectMapper().readTree(bundleDir().resolve("expected.json").toFile());
      List<JsonNode> cases = new ArrayList<>();
      root.get("cases").forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The utterance a case describes. */
  public static UtteranceInput input(JsonNode c) {
    String text = c.get("text").isNull() ? null : c.get("text").asText();
    return new UtteranceInput(c.get("id").asText(), audio(c.get("audio")), text);
  }

  /** x[n] = float32(sum amp * sin(2 pi freq n / 16000 + phase)), as make_fixture.py does. */
  static float[] audio(JsonNode spec) {
    if (spec.isNull()) {
      return null;
    }
    int n = (int) Math.round(spec.get("seconds").asDouble() * 16_000);
    float[] samples = new float[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (JsonNode tone : spec.get("tones")) {
        sum += tone.get(0).asDouble() * Math.sin(2 * Math.PI * tone.get(1).asDouble() * i / 16_000
            + tone.get(2).asDouble());
      }
      samples[i] = (float) sum;
    }
    return samples;
  }

  /** A copy of the fixture bundle in {@code dir}, to break on purpose. */
  public static Path copyTo(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(bundleDir())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, dir.resolve(f.getFileName().toString()));
      }
    }
    return dir;
  }
}
