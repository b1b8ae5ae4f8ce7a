package io.emostream.model.evaluation.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lexicon baseline, computed by the real VADER (npm {@code vader-sentiment}, run with
 * {@code node}) in the same run as the model, so the comparison never rests on a
 * re-implementation of it.
 */
public final class VaderBaseline {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = """
      const vader = require(process.argv[2] + '/vader-sentiment');
      const texts = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
      console.log(JSON.stringify(texts.map(
          t => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound)));
      """;

  private VaderBaseline() {}

  /** VADER's compound score of each text, in order. */
  public static List<Double> compound(Path nodeModules, List<String> texts) {
    try {
      Path dir = Files.createTempDirectory("emostream-vader-");
      try {
        Path script = Files.writeString(dir.resolve("vader.js"), SCRIPT);
        Path input = dir.resolve("texts.json");
        JSON.writeValue(input.toFile(), texts);
        Process p = new ProcessBuilder("node", script.toString(), nodeModules.toAbsolutePath().toString(),
            input.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("node could not run vader-sentiment from " + nodeModules
              + ": run `npm ci` in model/material (node and npm come with Debian's nodejs)");
        }
        List<Double> scores = new ArrayList<>(texts.size());
        for (JsonNode n : JSON.readTree(new String(out, StandardCharsets.UTF_8))) {
          scores.add(n.asDouble());
        }
        return scores;
      } finally {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run the VADER baseline: " + e.getMessage()
          + " (is node installed? `apt-get install nodejs`)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running VADER", e);
    }
  }
}
