package io.emostream.model.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.model.wav.WavFormatException;
import io.emostream.model.wav.WavReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the synthetic acted-emotion corpus: {@code DIR/manifest.jsonl}, one JSON object per
 * utterance with {@code id}, {@code split} (train/dev/test), {@code speaker}, {@code label}, {@code text},
 * {@code wav} (relative to DIR) and {@code conflicting}; {@code DIR/corpus.json} (optional here)
 * describes how it was generated. Other fields are ignored.
 *
 * <p>The whole manifest is checked up front (fields, labels, splits, that each WAV exists), so a
 * broken corpus fails before hours of training rather than during them.
 */
public final class SyntheticManifestReader implements CorpusReader {

  /** The manifest's file name in a corpus directory. */
  public static final String MANIFEST = "manifest.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  /** A reader of the corpus in {@code dir} (nothing is read until {@link #read()}). */
  public SyntheticManifestReader(Path dir) {
    this.dir = dir;
  }

  @Override
  public String description() {
    Path info = dir.resolve("corpus.json");
    String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    if (Files.isRegularFile(info)) {
      try {
        JsonNode tree = JSON.readTree(info.toFile());
        String declared = tree.path("name").asText(tree.path("id").asText(""));
        String version = tree.path("version").asText("");
        if (!declared.isBlank()) {
          name = declared + (version.isBlank() ? "" : " " + version);
        }
      } catch (IOException e) {
        // provenance only: a corpus.json we cannot parse must not stop training
      }
    }
    return "synthetic corpus " + name + " (" + dir.toAbsolutePath().normalize() + ")";
  }

  @Override
  public List<Example> read() {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isDirectory(dir)) {
      throw new CorpusException("corpus directory " + dir.toAbsolutePath() + " does not exist: point --corpus at"
          + " the directory `emostream corpus synth` wrote (it holds " + MANIFEST + ")");
    }
    if (!Files.isRegularFile(manifest)) {
      throw new CorpusException("no " + MANIFEST + " in " + dir.toAbsolutePath() + ": is this a corpus directory?"
          + " Generate one with `emostream corpus synth --out DIR`, or use --iemocap for IEMOCAP");
    }
    List<Example> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Example e = parse(line, manifest + ":" + number);
        if (!ids.add(e.id())) {
          throw new CorpusException(manifest + ":" + number + ": duplicate id '" + e.id() + "'");
        }
        out.add(e);
      }
    } catch (IOException e) {
      throw new CorpusException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new CorpusException(manifest + " lists no utterances");
    }
    return out;
  }

  private Example parse(String line, String where) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new CorpusException(where + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (node == null || !node.isObject()) {
      throw new CorpusException(where + ": expected one JSON object per line");
    }
    String id = required(node, "id", where);
    String label = required(node, "label", where);
    if (EmotionLabels.indexOf(label) < 0) {
      throw new CorpusException(where + ": label '" + label + "' is not one of " + EmotionLabels.LABELS);
    }
    Split split;
    try {
      split = Split.parse(required(node, "split", where));
    } catch (IllegalArgumentException e) {
      throw new CorpusException(where + ": " + e.getMessage(), e);
    }
    String text = node.path("text").asText(null);
    AudioSource audio = null;
    String wav = node.path("wav").asText(null);
    if (wav != null && !wav.isBlank()) {
      Path file = dir.resolve(wav);
      if (!Files.isRegularFile(file)) {
        throw new CorpusException(where + ": wav file " + file + " does not exist");
      }
      audio = () -> load(file, id);
    }
    if (audio == null && (text == null || text.isBlank())) {
      throw new CorpusException(where + ": utterance " + id + " has neither \"wav\" nor \"text\"");
    }
    String speaker = node.path("speaker").asText("unknown");
    return new Example(id, split, speaker, label, text, audio, null, null, node.path("conflicting").asBoolean(false),
        node.path("textEmotion").asText(null), node.path("voiceEmotion").asText(null));
  }

  private static float[] load(Path file, String id) {
    try {
      return WavReader.readMono(file, 16_000);
    } catch (WavFormatException e) {
      throw new CorpusException("audio of utterance " + id + ": " + e.getMessage(), e);
    }
  }

  private static String required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new CorpusException(where + ": missing required field \"" + field + "\"");
    }
    return value.asText();
  }
}
