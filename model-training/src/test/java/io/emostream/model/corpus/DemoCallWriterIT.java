package io.emostream.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speaks the demo call scripts with the real espeak-ng and sox and checks the recordings. */
class DemoCallWriterIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static Espeak espeak;
  static List<DemoCallWriter.WrittenCall> calls;

  @BeforeAll
  static void writeCalls() {
    espeak = Espeak.open("espeak-ng", "sox");
    calls = new DemoCallWriter(espeak).writeAll(DemoCallScript.loadDefault(), dir, 7);
  }

  @AfterAll
  static void closeEspeak() {
    espeak.close();
  }

  @Test
  void shouldWriteThreeStereoTelephonyCallsOfOneToTwoMinutes() throws IOException {
    assertThat(calls).extracting(c -> c.wav().getFileName().toString())
        .containsExactly("demo-escalation.wav", "demo-happy.wav", "demo-sad.wav");
    long totalBytes = 0;
    for (DemoCallWriter.WrittenCall call : calls) {
      Stereo wav = Stereo.read(call.wav());
      assertThat(wav.rate).isEqualTo(8000);
      assertThat(wav.left.length / 8000.0).isBetween(60.0, 120.0);
      totalBytes += Files.size(call.wav()) + Files.size(call.transcript());
    }
    assertThat(totalBytes).as("all demo calls together").isLessThan(6_200_000);
  }

  @Test
  void shouldPlaceEveryUtteranceInsideTheAudioOnItsOwnChannelWithoutOverlap() throws IOException {
    for (DemoCallWriter.WrittenCall call : calls) {
      CallTranscript t = JSON.readValue(call.transcript().toFile(), CallTranscript.class);
      Stereo wav = Stereo.read(call.wav());
      long lengthMs = wav.left.length / 8;
      long[] lastEnd = {-1, -1};
      for (CallTranscript.Utterance u : t.utterances()) {
        assertThat(u.startMs()).isGreaterThanOrEqualTo(0).isLessThan(u.endMs());
        assertThat(u.endMs()).isLessThanOrEqualTo(lengthMs);
        assertThat(u.startMs()).as("%s %s starts after the channel's previous utterance", t.callId(), u.utteranceId())
            .isGreaterThanOrEqualTo(lastEnd[u.channel()]);
        lastEnd[u.channel()] = u.endMs();
        float[] own = u.channel() == 0 ? wav.left : wav.right;
        float[] other = u.channel() == 0 ? wav.right : wav.left;
        assertThat(rms(own, u.startMs(), u.endMs())).as("speech of %s on its channel", u.utteranceId())
            .isGreaterThan(5 * rms(other, u.startMs(), u.endMs()));
        assertThat(u.label()).isIn("neutral", "happy", "angry", "sad");
        assertThat(u.text()).isEqualTo(u.text().toLowerCase()).doesNotContain(",", ".");
      }
      assertThat(t.channels()).extracting(CallTranscript.Channel::role).containsExactly("AGENT", "CUSTOMER");
    }
  }

  @Test
  void shouldEscalateForFourCustomerTurnsAndEndCalm() throws IOException {
    CallTranscript t = JSON.readValue(dir.resolve("demo-escalation.json").toFile(), CallTranscript.class);
    List<String> customer = new ArrayList<>();
    t.utterances().stream().filter(u -> u.channel() == 1).forEach(u -> customer.add(u.label()));
    int run = 0;
    int longest = 0;
    for (String label : customer) {
      run = label.equals("angry") ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    assertThat(longest).isGreaterThanOrEqualTo(4);
    assertThat(customer.get(customer.size() - 1)).isIn("neutral", "happy");
  }

  private static double rms(float[] x, long startMs, long endMs) {
    double sum = 0;
    int from = (int) (startMs * 8);
    int to = (int) Math.min(x.length, endMs * 8);
    for (int i = from; i < to; i++) {
      sum += x[i] * x[i];
    }
    return Math.sqrt(sum / Math.max(1, to - from));
  }

  /** The two channels of a PCM16 stereo WAV, read from its header fields rather than assumed. */
  private record Stereo(int rate, float[] left, float[] right) {
    static Stereo read(Path file) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(b.getInt(0)).isEqualTo(0x46464952);
      assertThat(b.getShort(20)).as("PCM format").isEqualTo((short) 1);
      assertThat(b.getShort(22)).as("channels").isEqualTo((short) 2);
      assertThat(b.getShort(34)).as("bits").isEqualTo((short) 16);
      int rate = b.getInt(24);
      int frames = b.getInt(40) / 4;
      assertThat(44 + 4L * frames).isEqualTo(Files.size(file));
      float[] left = new float[frames];
      float[] right = new float[frames];
      b.position(44);
      for (int i = 0; i < frames; i++) {
        left[i] = b.getShort() / 32768f;
        right[i] = b.getShort() / 32768f;
      }
      return new Stereo(rate, left, right);
    }
  }
}
