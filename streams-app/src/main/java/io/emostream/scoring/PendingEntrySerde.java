package io.emostream.scoring;

import io.emostream.avro.CallEvent;
import io.emostream.avro.Utterance;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the scorer's {@link PendingEntry}: a format byte, a kind byte ({@code U} utterance,
 * {@code E} call event), two 8-byte times, then the record in Avro's single-object encoding.
 *
 * <p>It does not go through the schema registry: the pending store is private state, so a
 * restoring task must not depend on the registry being up, and copying every utterance's audio
 * through a registry-aware serde bought nothing. The single-object encoding carries the schema's
 * fingerprint, so a store written by a release with another Utterance schema fails with a clear
 * message instead of being misread.
 */
public final class PendingEntrySerde implements Serde<PendingEntry> {

  private static final byte FORMAT = 1;
  private static final byte UTTERANCE = 'U';
  private static final byte EVENT = 'E';
  private static final int HEADER = 2 + 2 * Long.BYTES;

  @Override
  public Serializer<PendingEntry> serializer() {
    return (topic, entry) -> {
      if (entry == null) {
        return null;
      }
      try {
        ByteBuffer body = entry.value() instanceof Utterance u ? u.toByteBuffer() : ((CallEvent) entry.value()).toByteBuffer();
        return ByteBuffer.allocate(HEADER + body.remaining())
            .put(FORMAT)
            .put(entry.value() instanceof Utterance ? UTTERANCE : EVENT)
            .putLong(entry.recordTimestamp())
            .putLong(entry.enqueuedAtMs())
            .put(body)
            .array();
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
      if (bytes.length < HEADER || bytes[0] != FORMAT) {
        throw new SerializationException("pending scorer entry of " + bytes.length + " bytes on " + topic
            + " is not in format " + FORMAT + "; restore it with the release that wrote it");
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      buffer.get();
      byte kind = buffer.get();
      long recordTimestamp = buffer.getLong();
      long enqueuedAt = buffer.getLong();
      try {
        Object value = switch (kind) {
          case UTTERANCE -> Utterance.fromByteBuffer(buffer.slice());
          case EVENT -> CallEvent.fromByteBuffer(buffer.slice());
          default -> throw new SerializationException("pending scorer entry of unknown kind " + kind + " on " + topic);
        };
        return new PendingEntry(recordTimestamp, enqueuedAt, value);
      } catch (IOException e) {
        throw new SerializationException("cannot decode a pending scorer entry on " + topic
            + " (was it written with another schema of the record?)", e);
      }
    };
  }
}
