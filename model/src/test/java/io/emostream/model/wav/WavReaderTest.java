package io.emostream.model.wav;

import io.emostream.model.audio.Resampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {

  @TempDir
  Path temp;

  private static float[] sine(double hz, int rate, double seconds) {
    float[] x = new float[(int) (rate * seconds)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return x;
  }

  /** A WAV with the given format code, channels, rate and bits around raw little-endian data. */
  private static byte[] wav(int code, int channels, int rate, int bits, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x46464952).putInt(36 + data.length).putInt(0x45564157);
    b.putInt(0x20746d66).putInt(16).putShort((short) code).putShort((short) channels).putInt(rate)
        .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
    b.putInt(0x61746164).putInt(data.length).put(data);
    return b.array();
  }

  @Test
  void shouldRoundTripPcm16WithinOneQuantisationStep() throws IOException {
    float[] x = sine(440, 16_000, 0.1);
    Path file = temp.resolve("a.wav");
    WavWriter.writePcm16(file, x, 16_000);

    WavAudio audio = WavReader.read(file);

    assertThat(audio.sampleRate()).isEqualTo(16_000);
    assertThat(audio.encoding()).isEqualTo("PCM_S16LE");
    assertThat(audio.samples()).hasSize(x.length);
    for (int i = 0; i < x.length; i++) {
      assertThat(audio.samples()[i]).isCloseTo(x[i], within(1e-4f));
    }
  }

  @Test
  void shouldDecodeMuLawAndALawToTheirG711Values() {
    // μ-law 0xFF and A-law 0xD5 are the codes for (near) silence; 0x80 / 0xAA are large positives
    WavAudio mu = WavReader.decode(wav(7, 1, 8_000, 8, new byte[] {(byte) 0xFF, (byte) 0x80, 0x00}), "mu");
    WavAudio a = WavReader.decode(wav(6, 1, 8_000, 8, new byte[] {(byte) 0xD5, (byte) 0xAA, 0x2A}), "a");

    assertThat(mu.encoding()).isEqualTo("MULAW");
    assertThat(mu.samples()[0]).isEqualTo(0f);
    assertThat(mu.samples()[1] * 32768).isEqualTo(32124f);
    assertThat(mu.samples()[2] * 32768).isEqualTo(-32124f);
    assertThat(a.samples()[0] * 32768).isEqualTo(8f);
    assertThat(a.samples()[1] * 32768).isEqualTo(32256f);
    assertThat(a.samples()[2] * 32768).isEqualTo(-32256f);
  }

  @Test
  void shouldAverageStereoChannelsAndRead24BitPcm() {
    ByteBuffer data = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
    // left = +0.5 (0x400000), right = 0 → mono 0.25
    data.put((byte) 0x00).put((byte) 0x00).put((byte) 0x40).put((byte) 0).put((byte) 0).put((byte) 0);
    WavAudio audio = WavReader.decode(wav(1, 2, 16_000, 24, data.array()), "stereo");

    assertThat(audio.channels()).isEqualTo(2);
    assertThat(audio.samples()).containsExactly(0.25f);
  }

  @Test
  void shouldResample8kTo16kKeepingLengthAndPitch() {
    float[] x = sine(300, 8_000, 1.0);
    float[] y = Resampler.forRates(8_000, 16_000).process(x);

    assertThat(y.length).isEqualTo(16_000);
    // compare with the ideal 16 kHz sine away from the edges
    float[] ideal = sine(300, 16_000, 1.0);
    for (int i = 1_000; i < 15_000; i += 97) {
      assertThat(y[i]).isCloseTo(ideal[i], within(0.02f));
    }
  }

  @Test
  void shouldRemoveContentAboveTheNewNyquistWhenDownsampling() {
    float[] y = Resampler.forRates(48_000, 8_000).process(sine(7_000, 48_000, 0.5));
    double energy = 0;
    for (int i = 200; i < y.length - 200; i++) {
      energy += y[i] * y[i];
    }
    assertThat(energy / (y.length - 400)).isLessThan(1e-3);
  }

  @Test
  void shouldNameTheFileWhenItIsNotAWav() throws IOException {
    Path file = temp.resolve("notes.txt");
    Files.writeString(file, "hello");

    assertThatThrownBy(() -> WavReader.read(file)).isInstanceOf(WavFormatException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not a WAV file");
    assertThatThrownBy(() -> WavReader.read(temp.resolve("missing.wav")))
        .hasMessageContaining("missing.wav").hasMessageContaining("does not exist");
  }
}
