package io.emostream.schemas.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.AudioEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {
  @TempDir
  Path dir;

  @Test
  void shouldReadBackStereoPcm16ItWrote() throws IOException {
    byte[] samples = TestCalls.numberedPcm16(2, 8000);
    Path file = dir.resolve("call.wav");
    WavFile.of(AudioEncoding.PCM_S16LE, 8000, 2, samples).write(file);

    WavFile wav = WavFile.read(file);

    assertThat(wav.encoding()).isEqualTo(AudioEncoding.PCM_S16LE);
    assertThat(wav.sampleRate()).isEqualTo(8000);
    assertThat(wav.channels()).isEqualTo(2);
    assertThat(wav.frameCount()).isEqualTo(8000);
    assertThat(wav.durationMs()).isEqualTo(1000);
    assertThat(wav.source()).isEqualTo(file.toString());
  }

  @Test
  void shouldDeinterleaveOneChannelsSamples() {
    WavFile wav = WavFile.of(AudioEncoding.PCM_S16LE, 16000, 2, TestCalls.numberedPcm16(2, 10));

    byte[] right = wav.channelSamples(1, 2, 5);

    ByteBuffer in = ByteBuffer.wrap(right).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new short[] {in.getShort(), in.getShort(), in.getShort()})
        .containsExactly((short) 10002, (short) 10003, (short) 10004);
  }

  @Test
  void shouldReadMonoMulawAndAlaw() throws IOException {
    for (AudioEncoding encoding : new AudioEncoding[] {AudioEncoding.MULAW, AudioEncoding.ALAW}) {
      Path file = dir.resolve(encoding + ".wav");
      WavFile.of(encoding, 8000, 1, TestCalls.numbered8Bit(4000)).write(file);

      WavFile wav = WavFile.read(file);

      assertThat(wav.encoding()).isEqualTo(encoding);
      assertThat(wav.durationMs()).isEqualTo(500);
      assertThat(wav.channelSamples(0, 0, 3)).containsExactly(0, 1, 2);
    }
  }

  @Test
  void shouldSkipUnknownChunksAndReadExtensibleFormat() {
    byte[] samples = TestCalls.numberedPcm16(1, 100);
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 4 + 8 + 40 + 8 + samples.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("LIST".getBytes()).putInt(3).put(new byte[] {'a', 'b', 'c', 0}); // odd size, padded
    b.put("fmt ".getBytes()).putInt(40).putShort((short) 0xFFFE).putShort((short) 1)
        .putInt(22050).putInt(44100).putShort((short) 2).putShort((short) 16)
        .putShort((short) 22).putShort((short) 16).putInt(4).putShort((short) 1)
        .put(new byte[14]);
    b.put("data".getBytes()).putInt(samples.length).put(samples);

    WavFile wav = WavFile.parse(b.array(), "ext.wav");

    assertThat(wav.encoding()).isEqualTo(AudioEncoding.PCM_S16LE);
    assertThat(wav.sampleRate()).isEqualTo(22050);
    assertThat(wav.frameCount()).isEqualTo(100);
  }

  @Test
  void shouldReadUpToTheLastWholeFrameWhenDataSizeRunsPastTheEnd() {
    byte[] full = WavFile.of(AudioEncoding.PCM_S16LE, 8000, 2, TestCalls.numberedPcm16(2, 10))
        .toBytes();
    ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN).putInt(40, -1); // streaming writer
    byte[] truncated = Arrays.copyOf(full, full.length - 3);

    WavFile wav = WavFile.parse(truncated, "stream.wav");

    assertThat(wav.frameCount()).isEqualTo(9);
  }

  @Test
  void shouldNotAllowFilesThatAreNotRiffWave() throws IOException {
    Path file = dir.resolve("notes.wav");
    Files.writeString(file, "this is not audio");

    assertThatThrownBy(() -> WavFile.read(file))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a RIFF WAVE file");
  }

  @Test
  void shouldNotAllow24BitPcm() {
    byte[] bytes = header(1, 1, 8000, 3, 24, new byte[30]);

    assertThatThrownBy(() -> WavFile.parse(bytes, "hifi.wav"))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessageContaining("hifi.wav")
        .hasMessageContaining("24-bit");
  }

  @Test
  void shouldNotAllowOtherFormatTagsThreeChannelsOrOddSampleRates() {
    assertThatThrownBy(() -> WavFile.parse(header(3, 1, 8000, 4, 32, new byte[8]), "f.wav"))
        .hasMessageContaining("f.wav").hasMessageContaining("format tag 3");
    assertThatThrownBy(() -> WavFile.parse(header(1, 3, 8000, 6, 16, new byte[12]), "c.wav"))
        .hasMessageContaining("c.wav").hasMessageContaining("3 channels");
    assertThatThrownBy(() -> WavFile.parse(header(1, 1, 96000, 2, 16, new byte[4]), "r.wav"))
        .hasMessageContaining("r.wav").hasMessageContaining("96000 Hz");
  }

  @Test
  void shouldNotAllowAFileWithoutDataChunk() {
    byte[] full = header(1, 1, 8000, 2, 16, new byte[0]);
    byte[] noData = Arrays.copyOf(full, 36);

    assertThatThrownBy(() -> WavFile.parse(noData, "empty.wav"))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessageContaining("empty.wav has no 'data' chunk");
  }

  private static byte[] header(int format, int channels, int rate, int blockAlign, int bits,
      byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVEfmt ".getBytes()).putInt(16)
        .putShort((short) format).putShort((short) channels).putInt(rate)
        .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
        .put("data".getBytes()).putInt(data.length).put(data);
    return b.array();
  }
}
