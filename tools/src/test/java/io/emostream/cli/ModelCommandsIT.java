package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.wav.WavWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train}, {@code evaluate} and {@code predict} end to end through the CLI on a tiny corpus
 * written here (label-dependent tones and cue words): a real, if tiny, trained bundle.
 */
class ModelCommandsIT {

  private static final String[] LABELS = {"neutral", "happy", "angry", "sad"};
  private static final String[] WORDS = {"okay fine", "great thanks", "furious unacceptable", "sorry lost"};

  @TempDir
  static Path temp;

  private static Path corpus;
  private static Path bundle;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void trainTinyBundle() throws IOException {
    corpus = temp.resolve("corpus");
    List<String> manifest = new ArrayList<>();
    String[] splits = {"train", "dev", "test"};
    for (String split : splits) {
      for (int l = 0; l < LABELS.length; l++) {
        for (int i = 0; i < (split.equals("train") ? 8 : 3); i++) {
          String id = split + "-" + l + "-" + i;
          WavWriter.writePcm16(corpus.resolve(id + ".wav"), tone(110 + 60 * l + 3 * i, 0.5), 16_000);
          manifest.add(String.format("{\"id\":\"%s\",\"split\":\"%s\",\"speaker\":\"%s\",\"label\":\"%s\","
              + "\"text\":\"%s today\",\"wav\":\"%s.wav\"}", id, split, split, LABELS[l], WORDS[l], id));
        }
      }
    }
    Files.write(corpus.resolve("manifest.jsonl"), manifest);
    bundle = temp.resolve("bundle");
    StringWriter trainOut = new StringWriter();
    CommandLine cli = EmostreamTools.commandLine();
    cli.setOut(new PrintWriter(trainOut, true));
    int code = cli.execute("train", "--corpus", corpus.toString(), "--out", bundle.toString(), "--size", "tiny",
        "--epochs", "2", "--batch", "8", "--seed", "3", "--threads", "1", "--device", "cpu");
    assertThat(code).as(trainOut.toString()).isZero();
    assertThat(trainOut.toString()).contains("bundle written to").contains("| audio+text |");
    assertThat(bundle.resolve("manifest.json")).isNotEmptyFile();
    assertThat(bundle.resolve("training-curve.svg")).isNotEmptyFile();
  }

  private static float[] tone(double hz, double seconds) {
    float[] x = new float[(int) (seconds * 16_000)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16_000));
    }
    return x;
  }

  private int run(String... args) {
    CommandLine cli = EmostreamTools.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldTrainWithEveryClipPerturbedInSpeedAndTempoBeforeItsChannel() {
    Path perturbed = temp.resolve("perturbed");
    int code = run("train", "--corpus", corpus.toString(), "--out", perturbed.toString(), "--size", "tiny",
        "--epochs", "1", "--batch", "8", "--seed", "3", "--threads", "1", "--device", "cpu", "--channels",
        "--speed-perturbation", "0.1", "--tempo-perturbation", "0.1");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("bundle written to");
    assertThat(perturbed.resolve("weights.params")).isNotEmptyFile();
  }

  @Test
  void shouldPrintTableForEveryViewAndWritePlotsOnEvaluate() {
    Path plots = temp.resolve("plots");

    int code = run("evaluate", "--model", bundle.toString(), "--corpus", corpus.toString(), "--split", "test",
        "--plots", plots.toString(), "--device", "cpu");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("| audio+text |", "| audio only |", "| text only |", "| 12 |",
        "Confusion matrix, audio+text");
    assertThat(plots.resolve("confusion-fused.svg")).isNotEmptyFile();
    assertThat(plots.resolve("confusion-audio-only.svg")).isNotEmptyFile();
  }

  @Test
  void shouldScoreWavTextPairsAndJsonLinesAsJson() throws IOException {
    Path wav = temp.resolve("call.wav");
    WavWriter.writePcm16(wav, tone(200, 0.6), 8_000);
    Path jsonl = temp.resolve("batch.jsonl");
    Files.write(jsonl, List.of("{\"id\": \"j1\", \"text\": \"great thanks\"}", "{\"id\": \"j2\", \"wav\": \"call.wav\"}"));

    int code = run("predict", "--model", bundle.toString(), "--wav", wav.toString(), "--text", "sorry lost",
        "--jsonl", jsonl.toString(), "--format", "jsonl", "--device", "cpu");

    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString().trim().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).contains("\"id\":\"call.wav\"", "\"probabilities\":{\"neutral\"", "\"valence\"",
        "\"modalities\":[\"audio\",\"text\"]");
    assertThat(lines[1]).contains("\"id\":\"j1\"", "\"modalities\":[\"text\"]");
    assertThat(lines[2]).contains("\"id\":\"j2\"", "\"modalities\":[\"audio\"]");
  }

  @Test
  void shouldPrintATableByDefault() {
    assertThat(run("predict", "--model", bundle.toString(), "--text", "furious unacceptable", "--device", "cpu"))
        .isZero();
    assertThat(out.toString()).contains("id", "label", "neutral", "valence", "text-1");
  }

  @Test
  void shouldExitTwoWithClearMessagesOnBadInput() {
    assertThat(run("predict", "--model", bundle.toString(), "--wav", "missing.wav", "--device", "cpu")).isEqualTo(2);
    assertThat(err.toString()).contains("missing.wav").contains("does not exist");

    assertThat(run("evaluate", "--model", bundle.toString(), "--corpus", temp.resolve("nowhere").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("nowhere").contains("does not exist");

    assertThat(run("train", "--out", temp.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--corpus DIR").contains("--iemocap");

    assertThat(run("train", "--corpus", corpus.toString(), "--out", temp.resolve("y").toString(), "--size", "tiny",
        "--tempo-perturbation", "0.7", "--device", "cpu")).isEqualTo(2);
    assertThat(err.toString()).contains("--tempo-perturbation must be in [0, 0.5), got 0.7");

    assertThat(run("predict", "--model", temp.resolve("no-bundle").toString(), "--text", "hi")).isEqualTo(2);
    assertThat(err.toString()).contains("no-bundle");
  }
}
