package io.emostream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emostream.model.DemoModel;
import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import io.emostream.model.ModelException;
import io.emostream.model.UtteranceInput;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.wav.WavFormatException;
import io.emostream.model.wav.WavReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emostream predict}: scores utterances given on the command line (WAV files of any common
 * rate and encoding, text, or both paired) or in a JSON-lines file, and prints label,
 * probabilities, valence and arousal per utterance as a table or JSON lines.
 */
@Command(name = "predict", description = {
    "Score utterances with a model: --wav FILE and/or --text TEXT (repeatable; equal counts pair up),",
    "or --jsonl FILE with one {\"id\", \"wav\", \"text\"} object per line (wav relative to the file)."})
final class PredictCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", defaultValue = DemoModel.LOCATION, paramLabel = "BUNDLE",
      description = "Bundle directory (built-in or TorchScript) or classpath:prefix (default: the bundled demo model).")
  private String model;

  @Option(names = "--wav", paramLabel = "FILE", description = "A WAV file (PCM, float, μ-law or A-law; any rate).")
  private List<Path> wavs = new ArrayList<>();

  @Option(names = "--text", paramLabel = "TEXT", description = "A transcript.")
  private List<String> texts = new ArrayList<>();

  @Option(names = "--jsonl", paramLabel = "FILE", description = "JSON lines of utterances to score.")
  private Path jsonl;

  @Option(names = "--format", defaultValue = "table", description = "table or jsonl (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
  private String device;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!format.equals("table") && !format.equals("jsonl")) {
        throw new IllegalArgumentException("--format '" + format + "' is not valid: use table or jsonl");
      }
      try (EmotionModel loaded = EmotionModels.load(model, DeviceSpec.parse(device))) {
        List<UtteranceInput> inputs = inputs(loaded.info().sampleRate());
        List<EmotionPrediction> predictions = loaded.predict(inputs);
        if (format.equals("jsonl")) {
          printJsonLines(out, inputs, predictions);
        } else {
          printTable(out, loaded.info().labels(), inputs, predictions);
        }
      }
      return 0;
    } catch (ModelException | WavFormatException | IllegalArgumentException e) {
      err.println("emostream predict: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("emostream predict: failed: " + e.getMessage());
      return 1;
    }
  }

  private List<UtteranceInput> inputs(int rate) throws IOException {
    List<UtteranceInput> inputs = new ArrayList<>();
    if (!wavs.isEmpty() && !texts.isEmpty() && wavs.size() != texts.size()) {
      throw new IllegalArgumentException(wavs.size() + " --wav and " + texts.size() + " --text given: give one"
          + " --text per --wav to score them as pairs, or score audio and text in separate runs");
    }
    int n = Math.max(wavs.size(), texts.size());
    for (int i = 0; i < n; i++) {
      Path wav = wavs.isEmpty() ? null : wavs.get(i);
      String text = texts.isEmpty() ? null : texts.get(i);
      String id = wav != null ? wav.getFileName().toString() : "text-" + (i + 1);
      inputs.add(new UtteranceInput(id, wav == null ? null : WavReader.readMono(wav, rate), text));
    }
    if (jsonl != null) {
      inputs.addAll(readJsonLines(jsonl, rate));
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to score: give --wav FILE, --text TEXT or --jsonl FILE");
    }
    return inputs;
  }

  private static List<UtteranceInput> readJsonLines(Path file, int rate) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--jsonl file " + file + " does not exist");
    }
    Path base = file.toAbsolutePath().getParent();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<UtteranceInput> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(lines.get(i));
      } catch (IOException e) {
        throw new IllegalArgumentException(where + ": not valid JSON: " + e.getMessage(), e);
      }
      String wav = node.path("wav").asText(null);
      String text = node.path("text").asText(null);
      if ((wav == null || wav.isBlank()) && (text == null || text.isBlank())) {
        throw new IllegalArgumentException(where + ": needs \"wav\" and/or \"text\"");
      }
      String id = node.path("id").asText("line-" + (i + 1));
      float[] audio = wav == null || wav.isBlank() ? null : WavReader.readMono(base.resolve(wav), rate);
      out.add(new UtteranceInput(id, audio, text));
    }
    return out;
  }

  private static void printTable(PrintWriter out, List<String> labels, List<UtteranceInput> inputs,
      List<EmotionPrediction> predictions) {
    int idWidth = Math.max(2, inputs.stream().mapToInt(u -> u.id().length()).max().orElse(2));
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s  %-8s", "id", "label"));
    labels.forEach(l -> header.append(String.format(Locale.ROOT, "  %7s", l)));
    header.append("  valence  arousal  inputs");
    out.println(header);
    for (int i = 0; i < inputs.size(); i++) {
      EmotionPrediction p = predictions.get(i);
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s  %-8s",
          inputs.get(i).id(), p.label()));
      for (float prob : p.probabilities()) {
        row.append(String.format(Locale.ROOT, "  %7.3f", prob));
      }
      row.append(String.format(Locale.ROOT, "  %7.3f  %7.3f  %s", p.valence(), p.arousal(), modalities(p)));
      out.println(row);
    }
    out.flush();
  }

  private static void printJsonLines(PrintWriter out, List<UtteranceInput> inputs,
      List<EmotionPrediction> predictions) throws IOException {
    for (int i = 0; i < inputs.size(); i++) {
      EmotionPrediction p = predictions.get(i);
      ObjectNode node = JSON.createObjectNode();
      node.put("id", inputs.get(i).id()).put("label", p.label()).put("confidence", p.confidence());
      ObjectNode probabilities = node.putObject("probabilities");
      for (int k = 0; k < p.labels().size(); k++) {
        probabilities.put(p.labels().get(k), p.probabilities()[k]);
      }
      node.put("valence", p.valence()).put("arousal", p.arousal());
      p.modalities().stream().sorted().forEach(m -> node.withArray("modalities").add(m.name().toLowerCase(Locale.ROOT)));
      out.println(JSON.writeValueAsString(node));
    }
    out.flush();
  }

  private static String modalities(EmotionPrediction p) {
    List<String> names = new ArrayList<>();
    for (Modality m : Modality.values()) {
      if (p.modalities().contains(m)) {
        names.add(m.name().toLowerCase(Locale.ROOT));
      }
    }
    return String.join("+", names);
  }
}
