package io.emostream.model.corpus.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.model.data.ValenceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real review sentences labelled positive or negative by their writers: the UCI "Sentiment
 * Labelled Sentences" sets (Kotzias et al., KDD 2015, CC BY 4.0) as npm {@code sentiment} 5.0.2
 * ships them in {@code test/fixtures/<set>.json} ({@code [{"text": ..., "class": 0|1}]}).
 *
 * <p>emostream trains on {@code yelp} and judges on {@code imdb}, which it never trains on. The
 * third set in that folder is reserved as an independent check and is never read by this code.
 */
public final class LabelledSentences {

  /** The set the model learns from. */
  public static final String TRAIN_SET = "yelp";
  /** The set the real-material evaluation judges on; never used to train, tune or select. */
  public static final String EVALUATION_SET = "imdb";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelledSentences() {}

  /** Reads set {@code name} ({@code yelp} or {@code imdb}) from an npm {@code node_modules} folder. */
  public static List<ValenceText> read(Path nodeModules, String name) {
    if (!TRAIN_SET.equals(name) && !EVALUATION_SET.equals(name)) {
      throw new IllegalArgumentException("labelled set '" + name + "' is not one emostream uses (" + TRAIN_SET
          + " to train, " + EVALUATION_SET + " to evaluate)");
    }
    Path file = nodeModules.resolve("sentiment/test/fixtures/" + name + ".json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " is missing: run `npm ci` in model/material (npm sentiment 5.0.2)");
    }
    try {
      List<ValenceText> out = new ArrayList<>();
      int i = 0;
      for (JsonNode row : JSON.readTree(file.toFile())) {
        String text = row.path("text").asText("").trim();
        int label = row.path("class").asInt(-1);
        if (!text.isEmpty() && (label == 0 || label == 1)) {
          out.add(new ValenceText(name + "-" + i, text, label == 1 ? 1 : -1, "uci-" + name));
        }
        i++;
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
