package io.emostream.scoring;

import io.emostream.audio.Pcm16;
import io.emostream.audio.SourceAudio;
import io.emostream.avro.CallEvent;
import io.emostream.avro.Utterance;
import io.emostream.model.audio.G711;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the scorer's {@link PendingEntry}: a format byte, a kind byte ({@code U} utterance,
 * {@code S} utterance with its audio as received, {@code E} call event), two 8-byte times, then
 * the record in Avro's single-object encoding.
 *
 * <p>It does not go through the schema registry: the pending store is private state, so a
 * restoring task must not depend on the registry being up, and copying every utterance's audio
 * through a registry-aware serde bought nothing. The single-object encoding carries the schema's
 * fingerprint, so a store written by a release with another Utterance schema fails with a clear
 * message instead of being misread.
 *
 * <p>Format 2 adds kinds {@code S} and {@code M}: when the utterance arrived at a lower rate than
 * 16 kHz (8 kHz telephony), the entry keeps those samples (rate, 16 kHz length, count, then the
 * samples) and the utterance without audio; reading it resamples exactly as the assembler did.
 * {@code S} stores 16-bit samples (half the bytes of the 16 kHz form); {@code M} stores μ-law
 * codes, one byte a sample (a quarter), used when every sample is exactly a μ-law value, as
 * G.711 μ-law audio decodes to. Format 1 is still read.
 */
public final class PendingEntrySerde implements Serde<PendingEntry> {

  private static final byte FORMAT = 2;
  private static final byte UTTERANCE = 'U';
  private static final byte SOURCE_UTTERANCE = 'S';
  private static final byte MULAW_UTTERANCE = 'M';
  private static final byte EVENT = 'E';
  private static final int HEADER = 2 + 2 * Long.BYTES;
  /** Utterance records are immutable; their fields are still set by position, as their decoder does. */
  private static final int AUDIO_FIELD = Utterance.getClassSchema().getField("audio").pos();

  @Override
  public Serializer<PendingEntry> serializer() {
    return (topic, entry) -> {
      if (entry == null) {
        return null;
      }
      try {
        SourceAudio source = entry.source() != null && entry.source().smallerThan16k() ? entry.source() : null;
        ByteBuffer body;
        byte kind;
        if (entry.value() instanceof Utterance u) {
          body = source == null ? u.toByteBuffer() : withoutAudio(u).toByteBuffer();
          kind = source == null ? UTTERANCE : SOURCE_UTTERANCE;
        } else {
          body = ((CallEvent) entry.value()).toByteBuffer();
          kind = EVENT;
        }
        byte[] mulaw = source == null ? null : G711.exactMulaw(source.samples());
        if (mulaw != null) {
          kind = MULAW_UTTERANCE;
        }
        int audioBytes = source == null ? 0
            : 3 * Integer.BYTES + (mulaw != null ? mulaw.length : 2 * source.samples().length);
        ByteBuffer out = ByteBuffer.allocate(HEADER + audioBytes + body.remaining())
            .put(FORMAT)
            .put(kind)
            .putLong(entry.recordTimestamp())
            .putLong(entry.enqueuedAtMs());
        if (source != null) {
          out.putInt(source.sampleRate()).putInt(source.length16k()).putInt(source.samples().length);
          if (mulaw != null) {
            out.put(mulaw);
          } else {
            for (short sample : source.samples()) {
              out.putShort(sample);
            }
          }
        }
        return out.put(body).array();
      } catch (IOException e) {
        throw new SerializationException("cannot encode a pending " + entry.value().getClass().getSimpleName(), e);
      }
    };
  }

  @Override
  public Deserializer<PendingEntry> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length < HEADER || bytes[0] < 1 || bytes[0] > FORMAT) {
        throw new SerializationException("pending scorer entry of " + bytes.length + " bytes on " + topic
            + " is not in format 1 to " + FORMAT + "; restore it with the release that wrote it");
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      buffer.get();
      byte kind = buffer.get();
      long recordTimestamp = buffer.getLong();
      long enqueuedAt = buffer.getLong();
      try {
        return switch (kind) {
          case UTTERANCE -> new PendingEntry(recordTimestamp, enqueuedAt, Utterance.fromByteBuffer(buffer.slice()));
          case SOURCE_UTTERANCE, MULAW_UTTERANCE -> {
            SourceAudio source = readSource(buffer, kind == MULAW_UTTERANCE);
            Utterance u = Utterance.fromByteBuffer(buffer.slice());
            u.put(AUDIO_FIELD, ByteBuffer.wrap(Pcm16.toBytes(source.to16k())));
            yield new PendingEntry(recordTimestamp, enqueuedAt, u, source);
          }
          case EVENT -> new PendingEntry(recordTimestamp, enqueuedAt, CallEvent.fromByteBuffer(buffer.slice()));
          default -> throw new SerializationException("pending scorer entry of unknown kind " + kind + " on " + topic);
        };
      } catch (IOException | RuntimeException e) {
        if (e instanceof SerializationException se) {
          throw se;
        }
        throw new SerializationException("cannot decode a pending scorer entry on " + topic
            + " (was it written with another schema of the record?)", e);
      }
    };
  }

  private static SourceAudio readSource(ByteBuffer buffer, boolean mulaw) {
    int rate = buffer.getInt();
    int length16k = buffer.getInt();
    short[] samples = new short[buffer.getInt()];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = mulaw ? G711.mulawToLinear(buffer.get()) : buffer.getShort();
    }
    return new SourceAudio(rate, samples, length16k);
  }

  /** A shallow copy of {@code u} without its audio, which the entry keeps in its source form. */
  private static Utterance withoutAudio(Utterance u) {
    Utterance copy = new Utterance();
    for (int i = 0; i < u.getSchema().getFields().size(); i++) {
      copy.put(i, u.get(i));
    }
    copy.put(AUDIO_FIELD, null);
    return copy;
  }
}
