package io.emostream.assembly;

import static io.emostream.assembly.AssemblyDriver.chunk;
import static io.emostream.assembly.AssemblyDriver.finalTranscript;
import static io.emostream.assembly.AssemblyDriver.samplesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.TranscriptSegment;
import io.emostream.avro.Utterance;
import io.emostream.model.DemoModel;
import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.UtteranceInput;
import io.emostream.model.audio.G711;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the model hears must not depend on how the producer cut the audio: the same 8 kHz call
 * sent as 20 ms frames (RTP), 200 ms and 1000 ms chunks gives the same assembled 16 kHz
 * utterances, to within 1 LSB per sample, and the bundled model scores them identically.
 */
class ChunkingInvarianceTest {

  private static final String CALL = "call-chunking";
  private static final int RATE = 8_000;
  private static final int CALL_MS = 4_000;
  private static final int[] CHUNKINGS_MS = {20, 200, 1000};
  private static EmotionModel model;

  @TempDir
  Path stateDir;

  @BeforeAll
  static void loadModel() {
    DjlRuntime.ensureConfigured();
    model = EmotionModels.load(DemoModel.LOCATION, DeviceSpec.CPU);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @ParameterizedTest
  @EnumSource(value = AudioEncoding.class, names = {"PCM_S16LE", "MULAW"})
  void shouldAssembleTheSameUtteranceAudioAndScoresWhateverTheChunking(AudioEncoding encoding) {
    short[][] channels = {speechLike(1), speechLike(2)};
    Map<Integer, Map<String, short[]>> byChunking = new TreeMap<>();
    for (int chunkMs : CHUNKINGS_MS) {
      byChunking.put(chunkMs, assemble(channels, encoding, chunkMs));
    }

    Map<String, short[]> frames = byChunking.get(20);
    assertThat(frames).containsOnlyKeys("a1", "a2", "c1", "c2", "early");
    for (int chunkMs : CHUNKINGS_MS) {
      Map<String, short[]> other = byChunking.get(chunkMs);
      assertThat(other).containsOnlyKeys(frames.keySet());
      for (String id : frames.keySet()) {
        assertThat(other.get(id)).as("%s in %d ms chunks", id, chunkMs).hasSameSizeAs(frames.get(id));
        assertThat(maxDifference(frames.get(id), other.get(id)))
            .as("largest sample difference of %s, %d ms chunks vs 20 ms frames", id, chunkMs).isLessThanOrEqualTo(1);
      }
    }
    List<EmotionPrediction> reference = score(frames);
    for (int chunkMs : CHUNKINGS_MS) {
      List<EmotionPrediction> scores = score(byChunking.get(chunkMs));
      for (int i = 0; i < reference.size(); i++) {
        assertThat(scores.get(i).probabilities()).as("scores in %d ms chunks", chunkMs)
            .containsExactly(reference.get(i).probabilities());
        assertThat(scores.get(i).valence()).isEqualTo(reference.get(i).valence());
        assertThat(scores.get(i).arousal()).isEqualTo(reference.get(i).arousal());
      }
    }
  }

  /** Runs the call through a fresh assembler: both channels chunk by chunk, transcripts once covered. */
  private Map<String, short[]> assemble(short[][] channels, AudioEncoding encoding, int chunkMs) {
    List<TranscriptSegment> transcripts = new ArrayList<>(List.of(
        finalTranscript(CALL, "a1", 0, 120, 1_460, "thank you for calling how can I help"),
        finalTranscript(CALL, "c1", 1, 1_530, 2_270, "my bill is wrong again"),
        finalTranscript(CALL, "a2", 0, 2_310, 3_390, "I am sorry let me fix that"),
        finalTranscript(CALL, "c2", 1, 3_405, 3_990, "thanks")));
    Map<String, short[]> out = new TreeMap<>();
    try (AssemblyDriver t = new AssemblyDriver(stateDir.resolve("chunks-" + encoding + "-" + chunkMs),
        AssemblyConfig.defaults())) {
      // one transcript arrives before any of its audio, as a fast ASR's may
      t.pipeTranscript(finalTranscript(CALL, "early", 1, 10, 990, "hello"));
      for (int startMs = 0, seq = 0; startMs < CALL_MS; startMs += chunkMs, seq++) {
        for (int channel = 0; channel < 2; channel++) {
          t.pipeAudio(chunk(CALL, channel, seq, startMs, RATE, encoding,
              encode(channels[channel], startMs * RATE / 1000, chunkMs * RATE / 1000, encoding)));
        }
        long covered = startMs + chunkMs;
        transcripts.removeIf(tr -> {
          if (tr.getEndMs() <= covered) {
            t.pipeTranscript(tr);
            return true;
          }
          return false;
        });
      }
      for (Utterance u : t.drain()) {
        out.put(u.getUtteranceId(), samplesOf(u));
      }
    }
    return out;
  }

  /** Scores the utterances as the scorer does: 16 kHz samples as floats in [-1, 1], with the same text. */
  private static List<EmotionPrediction> score(Map<String, short[]> utterances) {
    List<UtteranceInput> inputs = new ArrayList<>();
    utterances.forEach((id, samples) -> {
      float[] audio = new float[samples.length];
      for (int i = 0; i < samples.length; i++) {
        audio[i] = samples[i] / 32768f;
      }
      inputs.add(new UtteranceInput(id, audio, "the same words"));
    });
    return model.predict(inputs);
  }

  /** A voiced, noisy, amplitude-modulated 8 kHz signal: harmonics of a drifting pitch plus noise. */
  private static short[] speechLike(long seed) {
    Random random = new Random(seed);
    short[] s = new short[CALL_MS * RATE / 1000];
    double phase = 0;
    for (int i = 0; i < s.length; i++) {
      double t = (double) i / RATE;
      double f0 = 120 + 40 * Math.sin(2 * Math.PI * 0.7 * t + seed);
      phase += 2 * Math.PI * f0 / RATE;
      double voiced = 0;
      for (int h = 1; h <= 12; h++) {
        voiced += Math.sin(h * phase) / h;
      }
      double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3.1 * t);
      s[i] = (short) Math.max(-32768, Math.min(32767, 6000 * envelope * voiced + 300 * random.nextGaussian()));
    }
    return s;
  }

  private static byte[] encode(short[] samples, int from, int count, AudioEncoding encoding) {
    count = Math.min(count, samples.length - from);
    if (encoding == AudioEncoding.MULAW) {
      byte[] out = new byte[count];
      for (int i = 0; i < count; i++) {
        out[i] = G711.linearToMulaw(samples[from + i]);
      }
      return out;
    }
    return Pcm16.toBytes(samples, from, count);
  }

  private static int maxDifference(short[] a, short[] b) {
    int max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
