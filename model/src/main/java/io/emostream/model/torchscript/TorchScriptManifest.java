package io.emostream.model.torchscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.model.Modality;
import io.emostream.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code manifest.json} of a bring-your-own TorchScript bundle, validated.
 *
 * <p>Example (keys not shown take the defaults in brackets):
 * <pre>{@code
 * { "formatVersion": 1, "name": "my-model", "version": "1.0", "architecture": "torchscript",
 *   "file": "model.pt", "labels": ["neutral", "happy", "angry", "sad"], "sampleRate": 16000,
 *   "inputs": ["waveform", "waveform_lengths", "input_ids", "attention_mask"],
 *   "tokenizer": "tokenizer.json", "padTokenId": 0,
 *   "outputs": { "logits": 0, "valenceArousal": 1, "scores": "logits" },
 *   "limits": { "maxAudioSeconds": 20, "maxTokens": 128, "minAudioSamples": 400 },
 *   "missing": { "audio": "zero-length", "text": "empty" },
 *   "standalone": ["AUDIO", "TEXT"] }
 * }</pre>
 *
 * @param name                 model name
 * @param version              model version
 * @param file                 the TorchScript file, resolved against the bundle directory
 * @param labels               class names in the order of the logits
 * @param sampleRate           audio rate the module expects (emostream feeds 16 kHz)
 * @param inputs               the tensors {@code forward} takes, in argument order
 * @param tokenizer            the tokenizer.json file, or {@code null} when the module takes no tokens
 * @param padTokenId           id used to pad token rows [0]
 * @param logitsIndex          position of the [B, labels] scores in the module's output tuple [0]
 * @param valenceArousalIndex  position of the [B, 2] valence/arousal output, -1 when there is none [-1]
 * @param scoresAreProbabilities whether the scores are already probabilities ({@code "scores":
 *                             "probabilities"}) rather than logits to softmax [logits]
 * @param maxAudioSamples      longer audio is cut to this many samples [30 s]
 * @param maxTokens            longer token sequences are cut to this [512]
 * @param minAudioSamples      the waveform tensor is at least this wide (e.g. a conv kernel) [1]
 * @param missingAudio         how an utterance without audio is fed [zero-length]
 * @param missingText          how an utterance without text is fed [empty]
 * @param standalone           modalities the module scores on its own [those it has inputs for]
 */
public record TorchScriptManifest(
    String name,
    String version,
    Path file,
    List<String> labels,
    int sampleRate,
    List<TorchScriptInput> inputs,
    Path tokenizer,
    long padTokenId,
    int logitsIndex,
    int valenceArousalIndex,
    boolean scoresAreProbabilities,
    int maxAudioSamples,
    int maxTokens,
    int minAudioSamples,
    MissingAudio missingAudio,
    MissingText missingText,
    Set<Modality> standalone) {

  /** The manifest format this code reads. */
  public static final int FORMAT_VERSION = 1;

  /** How a missing audio part is fed to the module. */
  public enum MissingAudio {
    /** Zero samples with length 0: the module masks everything (needs waveform_lengths). */
    ZERO_LENGTH,
    /** {@code minAudioSamples} of silence with that length, for modules that cannot take length 0. */
    SILENCE
  }

  /** How a missing text part is fed to the module. */
  public enum MissingText {
    /** No tokens: the row is all padding with attention mask 0. */
    EMPTY,
    /** The tokenizer's encoding of the empty string (e.g. [CLS] [SEP]) with mask 1. */
    SPECIAL_TOKENS
  }

  public TorchScriptManifest {
    labels = List.copyOf(labels);
    inputs = List.copyOf(inputs);
    standalone = Set.copyOf(standalone);
  }

  /** Whether the module takes any audio tensor. */
  public boolean takesAudio() {
    return inputs.stream().anyMatch(TorchScriptInput::isAudio);
  }

  /** Whether the module takes any token tensor. */
  public boolean takesText() {
    return inputs.stream().anyMatch(i -> !i.isAudio());
  }

  /**
   * Reads and validates {@code bundleDir/manifest.json}.
   *
   * @throws ModelException naming the file, the bad key and what would be valid
   */
  public static TorchScriptManifest read(Path bundleDir) {
    Path path = bundleDir.resolve("manifest.json");
    if (!Files.isRegularFile(path)) {
      throw new ModelException("no manifest.json in TorchScript bundle " + bundleDir.toAbsolutePath()
          + "; a bundle is a directory with manifest.json, the .pt file and tokenizer.json");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(path.toFile());
    } catch (IOException e) {
      throw new ModelException("cannot parse " + path + " as JSON: " + e.getMessage(), e);
    }
    return new Reader(path, root).manifest(bundleDir);
  }

  /** Turns the JSON tree into a manifest, with error messages that name the key. */
  private record Reader(Path path, JsonNode root) {

    TorchScriptManifest manifest(Path dir) {
      int format = integer(root, "formatVersion", null);
      if (format != FORMAT_VERSION) {
        throw bad("formatVersion", format + " is not supported; this emostream reads " + FORMAT_VERSION);
      }
      String architecture = text(root, "architecture", null);
      if (!architecture.equals("torchscript")) {
        throw bad("architecture", "is '" + architecture + "', expected 'torchscript'");
      }
      List<TorchScriptInput> inputs = inputs();
      Path file = existing(dir, text(root, "file", null), "file");
      String tokenizerName = root.hasNonNull("tokenizer") ? root.get("tokenizer").asText() : null;
      boolean takesText = inputs.stream().anyMatch(i -> !i.isAudio());
      if (takesText && tokenizerName == null) {
        throw bad("tokenizer", "is missing but the inputs include token ids; name a local tokenizer.json");
      }
      Path tokenizer = tokenizerName == null ? null : existing(dir, tokenizerName, "tokenizer");
      List<String> labels = new ArrayList<>();
      root.path("labels").forEach(l -> labels.add(l.asText()));
      if (labels.size() < 2) {
        throw bad("labels", "must list at least 2 class names in logits order");
      }
      JsonNode outputs = root.path("outputs");
      JsonNode limits = root.path("limits");
      JsonNode missing = root.path("missing");
      int sampleRate = integer(root, "sampleRate", 16_000);
      if (sampleRate != 16_000) {
        throw bad("sampleRate", sampleRate + " is not supported: emostream feeds 16 kHz audio;"
            + " resample inside the module or export it for 16 000 Hz");
      }
      String scores = text(outputs, "scores", "logits").toLowerCase(Locale.ROOT);
      if (!scores.equals("logits") && !scores.equals("probabilities")) {
        throw bad("outputs.scores", "is '" + scores + "'; use 'logits' or 'probabilities'");
      }
      double maxSeconds = limits.path("maxAudioSeconds").asDouble(30.0);
      int maxTokens = integer(limits, "maxTokens", 512);
      int minSamples = integer(limits, "minAudioSamples", 1);
      if (maxSeconds <= 0 || maxTokens < 1 || minSamples < 1) {
        throw bad("limits", "maxAudioSeconds, maxTokens and minAudioSamples must be positive");
      }
      MissingAudio missingAudio = choice(MissingAudio.class, text(missing, "audio", "zero-length"), "missing.audio");
      MissingText missingText = choice(MissingText.class, text(missing, "text", "empty"), "missing.text");
      if (missingAudio == MissingAudio.ZERO_LENGTH && inputs.contains(TorchScriptInput.WAVEFORM)
          && !inputs.contains(TorchScriptInput.WAVEFORM_LENGTHS)) {
        throw bad("missing.audio", "'zero-length' needs waveform_lengths among the inputs;"
            + " add it or use 'silence'");
      }
      return new TorchScriptManifest(
          text(root, "name", null),
          text(root, "version", null),
          file,
          labels,
          sampleRate,
          inputs,
          tokenizer,
          integer(root, "padTokenId", 0),
          integer(outputs, "logits", 0),
          integer(outputs, "valenceArousal", -1),
          scores.equals("probabilities"),
          (int) Math.round(maxSeconds * sampleRate),
          maxTokens,
          minSamples,
          missingAudio,
          missingText,
          standalone(inputs));
    }

    private List<TorchScriptInput> inputs() {
      JsonNode node = root.path("inputs");
      if (!node.isArray() || node.isEmpty()) {
        throw bad("inputs", "must list the tensors forward() takes, in order, from: waveform,"
            + " waveform_lengths, input_ids, attention_mask");
      }
      List<TorchScriptInput> inputs = new ArrayList<>();
      for (JsonNode n : node) {
        TorchScriptInput input;
        try {
          input = TorchScriptInput.fromManifest(n.asText());
        } catch (IllegalArgumentException e) {
          throw bad("inputs", e.getMessage());
        }
        if (inputs.contains(input)) {
          throw bad("inputs", "names '" + n.asText() + "' twice");
        }
        inputs.add(input);
      }
      if (inputs.contains(TorchScriptInput.WAVEFORM_LENGTHS) && !inputs.contains(TorchScriptInput.WAVEFORM)) {
        throw bad("inputs", "has waveform_lengths without waveform");
      }
      if (inputs.contains(TorchScriptInput.ATTENTION_MASK) && !inputs.contains(TorchScriptInput.INPUT_IDS)) {
        throw bad("inputs", "has attention_mask without input_ids");
      }
      return inputs;
    }

    private Set<Modality> standalone(List<TorchScriptInput> inputs) {
      Set<Modality> possible = EnumSet.noneOf(Modality.class);
      if (inputs.stream().anyMatch(TorchScriptInput::isAudio)) {
        possible.add(Modality.AUDIO);
      }
      if (inputs.stream().anyMatch(i -> !i.isAudio())) {
        possible.add(Modality.TEXT);
      }
      if (!root.has("standalone")) {
        return possible;
      }
      Set<Modality> declared = EnumSet.noneOf(Modality.class);
      for (JsonNode n : root.get("standalone")) {
        Modality m = choice(Modality.class, n.asText(), "standalone");
        if (!possible.contains(m)) {
          throw bad("standalone", "lists " + m + " but the module takes no " + m + " input");
        }
        declared.add(m);
      }
      return declared;
    }

    private Path existing(Path dir, String name, String key) {
      Path file = dir.resolve(name).normalize();
      if (!file.startsWith(dir.normalize())) {
        throw bad(key, "'" + name + "' points outside the bundle directory");
      }
      if (!Files.isRegularFile(file)) {
        throw bad(key, "names " + name + " but " + file.toAbsolutePath() + " does not exist;"
            + " put the file in the bundle directory or fix the name");
      }
      return file;
    }

    private String text(JsonNode node, String key, String fallback) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        if (fallback == null) {
          throw bad(key, "is required");
        }
        return fallback;
      }
      return value.asText();
    }

    private int integer(JsonNode node, String key, Integer fallback) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        if (fallback == null) {
          throw bad(key, "is required");
        }
        return fallback;
      }
      if (!value.canConvertToInt()) {
        throw bad(key, "must be an integer, not " + value);
      }
      return value.asInt();
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String key) {
      String constant = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        return Enum.valueOf(type, constant);
      } catch (IllegalArgumentException e) {
        List<String> valid = new ArrayList<>();
        for (E option : type.getEnumConstants()) {
          valid.add(option.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw bad(key, "is '" + value + "'; use one of " + valid);
      }
    }

    private ModelException bad(String key, String problem) {
      return new ModelException(path + ": '" + key + "' " + problem);
    }
  }
}
