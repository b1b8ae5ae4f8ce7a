package io.emostream.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Synthesises a small corpus with the real espeak-ng and sox and checks what it wrote. */
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
    return new CorpusConfig(out, 11, 12, 6, 0.25, 0.3, 16_000, 2, "espeak-ng", "sox");
  }

  @Test
  void shouldWriteOneManifestLineWithEveryFieldPerUtterance() throws IOException {
    List<JsonNode> lines = manifest(corpus);
    assertThat(lines).hasSize(12);
    for (JsonNode line : lines) {
      assertThat(line.fieldNames()).toIterable().containsExactly("id", "split", "speaker", "role", "label", "text",
          "spokenText", "wav", "durationMs", "conflicting", "textEmotion", "voiceEmotion", "asrNoise", "voice", "prosody");
      assertThat(line.get("split").asText()).isIn("train", "dev", "test");
      assertThat(line.get("label").asText()).isIn("neutral", "happy", "angry", "sad");
      assertThat(line.get("role").asText()).isIn("agent", "customer");
      assertThat(line.get("label").asText()).isEqualTo(LabelRule.label(Emotion.fromLabel(line.get("textEmotion").asText()),
          Emotion.fromLabel(line.get("voiceEmotion").asText())).label());
      assertThat(line.get("conflicting").asBoolean())
          .isEqualTo(!line.get("textEmotion").asText().equals(line.get("voiceEmotion").asText()));
      assertThat(line.get("text").asText()).isNotBlank().doesNotContain(",", "!", "?");
      assertThat(line.get("prosody").get("rateWpm").asInt()).isBetween(80, 300);
    }
    assertThat(lines.stream().filter(l -> l.get("conflicting").asBoolean())).isNotEmpty();
    assertThat(lastProgress.get()).isEqualTo(12_012);
  }

  @Test
  void shouldBalanceLabelsAndKeepSplitsSpeakerDisjoint() throws IOException {
    Map<String, Set<String>> speakersBySplit = new HashMap<>();
    Map<String, Integer> labels = new HashMap<>();
    for (JsonNode line : manifest(corpus)) {
      speakersBySplit.computeIfAbsent(line.get("split").asText(), k -> new HashSet<>()).add(line.get("speaker").asText());
      labels.merge(line.get("label").asText(), 1, Integer::sum);
    }
    assertThat(labels).containsOnlyKeys("neutral", "happy", "angry", "sad").allSatisfy((k, v) -> assertThat(v).isEqualTo(3));
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
    assertThat(total).isEqualTo(12);
    assertThat(info.utterances()).isEqualTo(12);
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
