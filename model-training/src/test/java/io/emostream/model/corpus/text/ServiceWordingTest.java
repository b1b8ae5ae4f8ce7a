package io.emostream.model.corpus.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.data.ValenceText;
import io.emostream.model.text.cues.TextCueAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceWordingTest {

  @Test
  void shouldWriteDistinctNeutralLinesReproducibly() {
    List<ValenceText> lines = ServiceWording.lines(600, 42);

    assertThat(lines).hasSize(600);
    assertThat(lines).extracting(ValenceText::text).doesNotHaveDuplicates();
    assertThat(lines).allMatch(t -> t.polarity() == 0);
    assertThat(ServiceWording.lines(600, 42)).isEqualTo(lines);
  }

  @Test
  void shouldPutTopicalWordsIntoLinesWithoutWordsOfFeeling() {
    List<ValenceText> lines = ServiceWording.lines(600, 7);
    TextCueAnalyzer lexicon = TextCueAnalyzer.bundled();

    assertThat(lines).filteredOn(t -> t.text().contains("bill")).hasSizeGreaterThan(10);
    assertThat(lines).filteredOn(t -> t.text().contains("pin")).hasSizeGreaterThan(10);
    // calm wording: the lexicon finds nothing strongly negative in any line
    assertThat(lines).allSatisfy(t -> assertThat(lexicon.analyze(t.text(), 64).compound())
        .as(t.text()).isGreaterThan(-0.6f));
  }
}
