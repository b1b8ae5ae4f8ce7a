package io.emostream.model.corpus.text;

import io.emostream.model.data.ValenceText;
import io.emostream.model.text.cues.TextCueAnalyzer;
import io.emostream.model.text.cues.TextCues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Real English without labels, labelled by the lexicon teacher: WordNet's example sentences and
 * definitions. A sentence the teacher rates clearly positive or negative becomes a positive or
 * negative example; one with no rated word at all becomes a neutral example (definitions are
 * plain statements of fact, which is what a calm caller mostly says). Unclear ones are left out.
 * Balanced and sampled reproducibly from the seed.
 */
public final class GlossTeacher {

  static final float CLEAR = 0.4f;

  private GlossTeacher() {}

  /** Up to {@code perClass} sentences each of positive, negative and neutral. */
  public static List<ValenceText> label(WordNet wordNet, TextCueAnalyzer teacher, int perClass, long seed) {
    List<List<ValenceText>> byClass = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<WordNet.Synset> synsets = new ArrayList<>(wordNet.synsets().values());
    synsets.sort(Comparator.comparing(WordNet.Synset::key));
    for (WordNet.Synset s : synsets) {
      List<String> sentences = new ArrayList<>(s.examples());
      sentences.add(s.gloss());
      for (int i = 0; i < sentences.size(); i++) {
        String text = sentences.get(i);
        int words = text.split("\\s+").length;
        if (words < 3 || words > 30) {
          continue;
        }
        TextCues cues = teacher.analyze(text, 64);
        float c = cues.compound();
        int polarity;
        if (c >= CLEAR) {
          polarity = 1;
        } else if (c <= -CLEAR) {
          polarity = -1;
        } else if (cues.sentence()[3] == 0f) {
          polarity = 0;
        } else {
          continue;
        }
        byClass.get(polarity + 1).add(new ValenceText("wordnet-" + s.key() + "-" + i, text, polarity, "wordnet"));
      }
    }
    Random random = new Random(seed);
    List<ValenceText> out = new ArrayList<>();
    for (List<ValenceText> list : byClass) {
      Collections.shuffle(list, random);
      out.addAll(list.subList(0, Math.min(perClass, list.size())));
    }
    return List.copyOf(out);
  }
}
