package io.emostream.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.model.data.Example;
import io.emostream.model.data.Split;
import io.emostream.model.data.SyntheticManifestReader;
import io.emostream.model.wav.WavAudio;
import io.emostream.model.wav.WavReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthesises a small corpus with the real espeak-ng, festival, flite and sox and checks what it wrote. */
class CorpusSynthesizerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CorpusSynthesizer SYNTH = new CorpusSynthesizer(SentenceBank.loadDefault());

  @TempDir
  static Path tmp;
  static Path corpus;
  static CorpusInfo info;
  static final AtomicInteger lastProgress = new AtomicInteger();

  @BeforeAll
  static void synthesiseOnce() {
    corpus = tmp.resolve("c1");
    info = SYNTH.synthesize(config(corpus), (done, total) -> lastProgress.set(done * 1000 + total));
  }

  private static CorpusConfig config(Path out) {
    return new CorpusConfig(out, 11, UTTERANCES, 6, 0.25, 0.3, 16_000, 2, "espeak-ng", "sox", 0.5, "festival", "flite",
        true);
  }

  private static final int UTTERANCES = 16;

  @Test
  void shouldWriteOneManifestLineWithEveryFieldPerUtterance() throws IOException {
    List<JsonNode> lines = manifest(corpus);
    assertThat(lines).hasSize(UTTERANCES);
    for (JsonNode line : lines) {
      boolean espeak = line.get("voice").get("synthesizer").asText().equals("espeak-ng");
      assertThat(line.fieldNames()).toIterable().containsExactly("id", "split", "speaker", "role", "label", "text",
          "spokenText", "wav", "durationMs", "conflicting", "textEmotion", "voiceEmotion", "asrNoise", "voice",
          espeak ? "prosody" : "effects");
      assertThat(line.get("split").asText()).isIn("train", "dev", "test");
      assertThat(line.get("label").asText()).isIn("neutral", "happy", "angry", "sad");
      assertThat(line.get("role").asText()).isIn("agent", "customer");
      assertThat(line.get("label").asText()).isEqualTo(LabelRule.label(Emotion.fromLabel(line.get("textEmotion").asText()),
          Emotion.fromLabel(line.get("voiceEmotion").asText())).label());
      assertThat(line.get("conflicting").asBoolean())
          .isEqualTo(!line.get("textEmotion").asText().equals(line.get("voiceEmotion").asText()));
      assertThat(line.get("text").asText()).isNotBlank().doesNotContain(",", "!", "?");
      if (espeak) {
        assertThat(line.get("prosody").get("rateWpm").asInt()).isBetween(80, 300);
      } else {
        assertThat(line.get("effects").get("tempo").asDouble()).isBetween(0.6, 1.5);
      }
    }
    assertThat(lines.stream().filter(l -> l.get("conflicting").asBoolean())).isNotEmpty();
    assertThat(lastProgress.get()).isEqualTo(UTTERANCES * 1000 + UTTERANCES);
  }

  @Test
  void shouldMixSeveralSynthesisersWithSpeakersOfOneSynthesiserEach() throws IOException {
    Map<String, String> synthOfSpeaker = new HashMap<>();
    Set<String> voices = new HashSet<>();
    for (JsonNode line : manifest(corpus)) {
      String synth = line.get("voice").get("synthesizer").asText();
      assertThat(synth).isIn("espeak-ng", "festival", "flite");
      assertThat(synthOfSpeaker.putIfAbsent(line.get("speaker").asText(), synth)).isIn(null, synth);
      voices.add(synth + "/" + line.get("voice").get("variant").asText());
    }
    assertThat(new HashSet<>(synthOfSpeaker.values())).as("synthesisers in %s", voices).hasSizeGreaterThanOrEqualTo(2)
        .contains("espeak-ng");
    assertThat(voices).hasSizeGreaterThanOrEqualTo(3);
    assertThat(info.synthesizers().values().stream().mapToInt(m -> m.values().stream().mapToInt(i -> i).sum()).sum())
        .isEqualTo(UTTERANCES);
  }

  @Test
  void shouldStayReadableByTheTrainingReader() {
    // the synthesiser fields are new and optional: the reader the trainer uses takes them as before
    List<Example> examples = new SyntheticManifestReader(corpus).read();
    assertThat(examples).hasSize(UTTERANCES);
    assertThat(examples.stream().map(Example::split)).contains(Split.TRAIN, Split.DEV, Split.TEST);
  }

  @Test
  void shouldBalanceLabelsAndKeepSplitsSpeakerDisjoint() throws IOException {
    Map<String, Set<String>> speakersBySplit = new HashMap<>();
    Map<String, Integer> labels = new HashMap<>();
    for (JsonNode line : manifest(corpus)) {
      speakersBySplit.computeIfAbsent(line.get("split").asText(), k -> new HashSet<>()).add(line.get("speaker").asText());
      labels.merge(line.get("label").asText(), 1, Integer::sum);
    }
    assertThat(labels).containsOnlyKeys("neutral", "happy", "angry", "sad")
        .allSatisfy((k, v) -> assertThat(v).isEqualTo(UTTERANCES / 4));
    List<String> all = new ArrayList<>();
    speakersBySplit.values().forEach(all::addAll);
    assertThat(all).doesNotHaveDuplicates();
    assertThat(speakersBySplit).containsKeys("train", "dev", "test");
  }

  @Test
  void shouldWriteSixteenKilohertzMonoWavsWhoseLengthMatchesTheManifest() throws IOException {
    for (JsonNode line : manifest(corpus)) {
      Path wav = corpus.resolve(line.get("wav").asText());
      WavAudio audio = WavReader.read(wav);
      assertThat(audio.sampleRate()).isEqualTo(16_000);
      assertThat(audio.channels()).isEqualTo(1);
      assertThat(audio.encoding()).isEqualTo("PCM_S16LE");
      assertThat(Files.size(wav)).isEqualTo(44 + 2L * audio.samples().length);
      assertThat(Math.round(audio.seconds() * 1000)).isCloseTo(line.get("durationMs").asLong(), org.assertj.core.data.Offset.offset(1L));
      assertThat(audio.seconds()).isBetween(0.8, 15.0);
      assertThat(rms(audio.samples())).as("speech in %s", wav).isGreaterThan(0.005);
    }
  }

  @Test
  void shouldDescribeTheCorpusInCorpusJson() throws IOException {
    JsonNode tree = JSON.readTree(corpus.resolve("corpus.json").toFile());
    assertThat(tree.get("name").asText()).isEqualTo("emostream-synth");
    assertThat(tree.get("seed").asLong()).isEqualTo(11);
    assertThat(tree.get("espeakVersion").asText()).isNotBlank();
    assertThat(tree.get("labellingRule").asText()).contains("voiceEmotion");
    int total = 0;
    for (JsonNode split : tree.get("counts")) {
      for (JsonNode n : split) {
        total += n.asInt();
      }
    }
    assertThat(total).isEqualTo(UTTERANCES);
    assertThat(info.utterances()).isEqualTo(UTTERANCES);
    assertThat(tree.get("festivalVersion").asText()).isNotBlank();
    assertThat(tree.get("fliteVersion").asText()).isNotBlank();
  }

  @Test
  void shouldProduceTheSameCorpusFromTheSameSeed() throws IOException {
    Path again = tmp.resolve("c2");
    SYNTH.synthesize(config(again), ProgressListener.none());
    assertThat(Files.readString(again.resolve("manifest.jsonl"))).isEqualTo(Files.readString(corpus.resolve("manifest.jsonl")));
    String firstWav = manifest(corpus).get(0).get("wav").asText();
    assertThat(Files.readAllBytes(again.resolve(firstWav))).isEqualTo(Files.readAllBytes(corpus.resolve(firstWav)));
  }

  @Test
  void shouldNameTheMissingToolAndHowToInstallIt() {
    CorpusConfig bad = new CorpusConfig(tmp.resolve("c3"), 1, 4, 6, 0, 0, 16_000, 1, "/nonexistent/espeak-ng", "sox");
    assertThatThrownBy(() -> SYNTH.synthesize(bad, ProgressListener.none()))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("/nonexistent/espeak-ng")
        .hasMessageContaining("apt-get install espeak-ng sox");
  }

  @Test
  void shouldNameTheAptPackageWhenFestivalOrFliteIsMissing() {
    CorpusConfig noFestival = new CorpusConfig(tmp.resolve("c4"), 1, 4, 6, 0, 0, 16_000, 1, "espeak-ng", "sox", 0.4,
        "/nonexistent/festival", "flite", true);
    assertThatThrownBy(() -> SYNTH.synthesize(noFestival, ProgressListener.none()))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("/nonexistent/festival")
        .hasMessageContaining("apt-get install festival");
    CorpusConfig noFlite = new CorpusConfig(tmp.resolve("c5"), 1, 4, 6, 0, 0, 16_000, 1, "espeak-ng", "sox", 0.4,
        "festival", "/nonexistent/flite", true);
    assertThatThrownBy(() -> SYNTH.synthesize(noFlite, ProgressListener.none()))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("apt-get install flite");
  }

  @Test
  void shouldRefuseANonEmptyOutputDirectory() {
    assertThatThrownBy(() -> SYNTH.synthesize(config(corpus), ProgressListener.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not empty");
  }

  private static List<JsonNode> manifest(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("manifest.jsonl"))) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static double rms(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum / x.length);
  }
}
