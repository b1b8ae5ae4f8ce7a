package io.emostream.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IemocapReaderTest {

  @TempDir
  Path temp;

  @Test
  void shouldMapToFourClassesMergingExcitedIntoHappyAndDroppingOthers() throws IOException {
    Path root = IemocapFixture.write(temp, 5);

    List<Example> examples = new IemocapReader(root, 1).read();

    assertThat(examples).hasSize(5 * 5); // fru dropped in every session
    Map<String, String> session1 = examples.stream().filter(e -> e.id().startsWith("Ses01"))
        .collect(Collectors.toMap(Example::id, Example::label));
    assertThat(session1).containsEntry("Ses01F_impro01_F000", "neutral").containsEntry("Ses01F_impro01_M001", "happy")
        .containsEntry("Ses01F_impro01_F002", "happy").containsEntry("Ses01F_impro01_M003", "angry")
        .containsEntry("Ses01F_impro01_F004", "sad").doesNotContainKey("Ses01F_impro01_M005");
  }

  @Test
  void shouldHoldOutTheFoldSessionAsTestAndTheNextSessionsFemaleSpeakerAsDev() throws IOException {
    Path root = IemocapFixture.write(temp, 5);

    List<Example> examples = new IemocapReader(root, 5).read();

    assertThat(examples).filteredOn(e -> e.split() == Split.TEST).allMatch(e -> e.id().startsWith("Ses05"))
        .hasSize(5);
    assertThat(examples).filteredOn(e -> e.split() == Split.DEV).extracting(Example::speaker).containsOnly("Ses01F");
    assertThat(examples).filteredOn(e -> e.split() == Split.TRAIN)
        .noneMatch(e -> e.id().startsWith("Ses05") || e.speaker().equals("Ses01F"))
        .anyMatch(e -> e.speaker().equals("Ses01M"));
  }

  @Test
  void shouldAttachTranscriptsRatingsAndAudioResampledTo16k() throws IOException {
    Path root = IemocapFixture.write(temp, 2);

    Example first = new IemocapReader(root, 2).read().get(0);

    assertThat(first.text()).isEqualTo("Utterance 0 of session 1.");
    assertThat(first.valenceTarget()).isCloseTo(-1f, within(1e-6f)); // rating 1 -> -1
    assertThat(first.arousalTarget()).isCloseTo(1f, within(1e-6f)); // activation 5 -> 1
    assertThat(first.audio().load()).hasSize(16_000); // 1 s at 8 kHz, read at 16 kHz
  }

  @Test
  void shouldNameFileAndLineOfAMalformedLabelLine() throws IOException {
    Path root = IemocapFixture.write(temp, 2);
    Path labels = root.resolve("Session2/dialog/EmoEvaluation/Ses02F_impro01.txt");
    List<String> lines = Files.readAllLines(labels);
    lines.set(3, "[6.2901 - 8.2357]\tSes02F_impro01_F000\tneu");
    Files.write(labels, lines);

    assertThatThrownBy(() -> new IemocapReader(root, 1).read()).isInstanceOf(CorpusException.class)
        .hasMessageContaining(labels + ":4").hasMessageContaining("malformed label line");
  }

  @Test
  void shouldExplainAMissingRootMissingFoldSessionAndMissingAudio() throws IOException {
    assertThatThrownBy(() -> new IemocapReader(temp.resolve("nope"), 1).read())
        .hasMessageContaining("no Session1..Session5").hasMessageContaining("--iemocap");

    Path root = IemocapFixture.write(temp.resolve("two"), 2);
    assertThatThrownBy(() -> new IemocapReader(root, 4).read())
        .hasMessageContaining("Session4").hasMessageContaining("sessions present: [1, 2]");
    assertThatThrownBy(() -> new IemocapReader(root, 6)).hasMessageContaining("fold must be 1..5");

    Path wav = root.resolve("Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav");
    Files.delete(wav);
    assertThatThrownBy(() -> new IemocapReader(root, 1).read()).isInstanceOf(CorpusException.class)
        .hasMessageContaining(wav.toString());
  }
}
