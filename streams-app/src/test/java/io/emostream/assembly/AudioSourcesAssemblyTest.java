package io.emostream.assembly;

import static io.emostream.assembly.AssemblyDriver.chunk;
import static io.emostream.assembly.AssemblyDriver.ended;
import static io.emostream.assembly.AssemblyDriver.finalTranscript;
import static io.emostream.assembly.AssemblyDriver.samplesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.model.audio.G711;
import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.Utterance;
import io.emostream.avro.UtteranceSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telephony audio and the voice-activity fallback through the whole assembly topology. */
class AudioSourcesAssemblyTest {

  private static final String CALL = "call-a";

  @TempDir
  Path stateDir;
  private AssemblyDriver t;

  @BeforeEach
  void start() {
    t = new AssemblyDriver(stateDir, AssemblyConfig.defaults());
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void shouldDecodeMulaw8kHzAudioTo16kHzKeepingFrequencyAndLevel() {
    int rate = 8_000;
    short[] sine = new short[rate * 2];
    for (int i = 0; i < sine.length; i++) {
      sine[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / rate));
    }
    int chunkSamples = 160; // 20 ms, the usual RTP packetisation
    for (int seq = 0; seq * chunkSamples < sine.length; seq++) {
      byte[] payload = new byte[chunkSamples];
      for (int i = 0; i < chunkSamples; i++) {
        payload[i] = G711.linearToMulaw(sine[seq * chunkSamples + i]);
      }
      t.pipeAudio(chunk(CALL, 0, seq, seq * 20L, rate, AudioEncoding.MULAW, payload));
    }
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 100, 1900, "telephony"));

    List<Utterance> out = t.drain();
    assertThat(out).singleElement().satisfies(u -> assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE));
    short[] pcm = samplesOf(out.get(0));
    assertThat(pcm).hasSize(1800 * Pcm16.SAMPLES_PER_MS);
    assertThat(Pcm16.rms(pcm, 0, pcm.length)).isCloseTo(8000 / Math.sqrt(2), within(8000 * 0.03));
    assertThat(zeroCrossingHz(pcm, Pcm16.TARGET_RATE)).isCloseTo(440.0, within(3.0));
  }

  @Test
  void shouldCutAudioOnlyUtterancesWithTheSegmenterWhenTranscriptsNeverArrive() {
    short[] audio = speechLike(8_000, new long[][] {{1_000, 2_500}, {4_000, 5_200}});
    pipeIn100MsChunks(audio);
    t.advance(Duration.ofSeconds(14));
    assertThat(t.drain()).as("the ASR still has time").isEmpty();

    t.advance(Duration.ofSeconds(2));
    List<Utterance> out = t.drain();
    assertThat(out).hasSize(2).allSatisfy(u -> {
      assertThat(u.getSource()).isEqualTo(UtteranceSource.VOICE_ACTIVITY);
      assertThat(u.getText()).isNull();
      assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
      assertThat(samplesOf(u)).containsExactly(java.util.Arrays.copyOfRange(audio,
          (int) u.getStartMs() * 16, (int) u.getEndMs() * 16));
    });
    assertThat(out.get(0).getStartMs()).isCloseTo(1_000L, within(40L));
    assertThat(out.get(0).getEndMs()).isCloseTo(2_800L, within(60L));
    assertThat(out.get(1).getStartMs()).isCloseTo(4_000L, within(40L));
    assertThat(out.get(1).getEndMs()).isCloseTo(5_500L, within(60L));
    assertThat(out.get(0).getUtteranceId()).isEqualTo("vad-0-" + out.get(0).getStartMs());

    t.advance(Duration.ofSeconds(30));
    assertThat(t.drain()).as("each stretch of speech is cut once").isEmpty();
  }

  @Test
  void shouldCutAudioOnlyUtterancesWhenACallWithoutTranscriptsEndsBeforeTheTimeout() {
    short[] audio = speechLike(6_000, new long[][] {{1_000, 2_500}, {4_000, 5_200}});
    pipeIn100MsChunks(audio);
    t.advance(Duration.ofSeconds(3));
    t.events.pipeInput(CALL, ended(CALL));
    t.advance(AssemblyConfig.defaults().maxWait().plusSeconds(1));

    List<Utterance> out = t.drain();
    assertThat(out).as("an ended call's audio is all there will be: nothing is lost").hasSize(2)
        .allSatisfy(u -> assertThat(u.getSource()).isEqualTo(UtteranceSource.VOICE_ACTIVITY));
    assertThat(out.get(1).getStartMs()).isCloseTo(4_000L, within(40L));
  }

  private void pipeIn100MsChunks(short[] audio) {
    for (int seq = 0; seq * 1600 < audio.length; seq++) {
      short[] part = java.util.Arrays.copyOfRange(audio, seq * 1600, (seq + 1) * 1600);
      t.pipeAudio(chunk(CALL, 0, seq, seq * 100L, 16_000, AudioEncoding.PCM_S16LE, Pcm16.toBytes(part)));
    }
  }

  /** Line noise around -60 dBFS with 300 Hz tones at about -18 dBFS in the given ranges. */
  static short[] speechLike(int lengthMs, long[][] speechMs) {
    Random random = new Random(7);
    short[] s = new short[lengthMs * Pcm16.SAMPLES_PER_MS];
    for (int i = 0; i < s.length; i++) {
      double v = random.nextGaussian() * 30;
      long ms = i / Pcm16.SAMPLES_PER_MS;
      for (long[] r : speechMs) {
        if (ms >= r[0] && ms < r[1]) {
          v += 6000 * Math.sin(2 * Math.PI * 300 * i / 16_000.0);
        }
      }
      s[i] = (short) Math.round(v);
    }
    return s;
  }

  static double zeroCrossingHz(short[] pcm, int rate) {
    int crossings = 0;
    for (int i = 1; i < pcm.length; i++) {
      if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
        crossings++;
      }
    }
    return crossings / 2.0 / ((double) pcm.length / rate);
  }
}
