package io.emostream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.audio.Pcm16;
import io.emostream.audio.SourceAudio;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.Utterance;
import io.emostream.model.audio.G711;
import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PendingEntrySerdeTest {

  private final PendingEntrySerde serde = new PendingEntrySerde();

  @Test
  void shouldKeepEightKilohertzAudioAsReceivedAndRestoreTheSameSixteenKilohertzSamples() {
    SourceAudio source = eightKilohertz(1.5);
    Utterance u = ScoringDriver.utterance("c1", "u1", 1, SpeakerRole.CUSTOMER, 0, 1500, "hello",
        Pcm16.toBytes(source.to16k()));
    PendingEntry entry = new PendingEntry(42L, 43L, u, source);

    byte[] compact = serde.serializer().serialize("t", entry);
    byte[] full = serde.serializer().serialize("t", new PendingEntry(42L, 43L, u));
    PendingEntry back = serde.deserializer().deserialize("t", compact);

    assertThat(compact[1]).as("not all samples are mu-law values").isEqualTo((byte) 'S');
    assertThat(compact.length).as("half the audio bytes").isLessThan(full.length * 6 / 10);
    assertThat(back.recordTimestamp()).isEqualTo(42L);
    assertThat(back.enqueuedAtMs()).isEqualTo(43L);
    Utterance restored = (Utterance) back.value();
    assertThat(restored).isEqualTo(u);
    assertThat(bytes(restored.getAudio())).containsExactly(bytes(u.getAudio()));
  }

  @Test
  void shouldKeepMulawAudioAsOneByteASample() {
    short[] decoded = new short[8_000];
    for (int i = 0; i < decoded.length; i++) {
      decoded[i] = G711.mulawToLinear((byte) (i * 37));
    }
    SourceAudio source = new SourceAudio(8_000, decoded, 16_000);
    Utterance u = ScoringDriver.utterance("c1", "u4", 1, SpeakerRole.CUSTOMER, 0, 1000, "hello",
        Pcm16.toBytes(source.to16k()));

    byte[] written = serde.serializer().serialize("t", new PendingEntry(1L, 2L, u, source));
    PendingEntry back = serde.deserializer().deserialize("t", written);

    assertThat(written[1]).isEqualTo((byte) 'M');
    assertThat(written.length).as("one byte per 8 kHz sample plus the record").isLessThan(8_000 + 1_000);
    assertThat(back.value()).isEqualTo(u);
  }

  @Test
  void shouldKeepSixteenKilohertzAudioAsItIs() {
    short[] samples = eightKilohertz(0.5).to16k();
    Utterance u = ScoringDriver.utterance("c1", "u2", 0, SpeakerRole.AGENT, 0, 500, "hi", Pcm16.toBytes(samples));
    SourceAudio alreadyAt16k = new SourceAudio(16_000, samples, samples.length);

    byte[] written = serde.serializer().serialize("t", new PendingEntry(1L, 2L, u, alreadyAt16k));

    assertThat(written[1]).isEqualTo((byte) 'U');
    assertThat(serde.deserializer().deserialize("t", written).value()).isEqualTo(u);
  }

  @Test
  void shouldReadEntriesWrittenInTheFirstFormat() throws Exception {
    Utterance u = ScoringDriver.utterance("c1", "u3", 0, SpeakerRole.AGENT, 0, 500, "hi", new byte[] {1, 0, 2, 0});
    ByteBuffer body = u.toByteBuffer();
    byte[] formatOne = ByteBuffer.allocate(2 + 16 + body.remaining())
        .put((byte) 1).put((byte) 'U').putLong(5L).putLong(6L).put(body).array();

    PendingEntry back = serde.deserializer().deserialize("t", formatOne);

    assertThat(back.value()).isEqualTo(u);
    assertThat(back.recordTimestamp()).isEqualTo(5L);
  }

  @Test
  void shouldNameTheFormatOfAnEntryItCannotRead() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("pending-changelog", new byte[20]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("pending-changelog")
        .hasMessageContaining("format 1 to 2");
  }

  private static SourceAudio eightKilohertz(double seconds) {
    Random random = new Random(5);
    short[] samples = new short[(int) (seconds * 8_000)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (8_000 * Math.sin(i * 0.3) + random.nextInt(200));
    }
    return new SourceAudio(8_000, samples, (int) (seconds * 16_000));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
