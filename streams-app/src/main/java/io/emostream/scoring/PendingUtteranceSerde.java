package io.emostream.scoring;

import io.emostream.avro.Utterance;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link PendingUtterance}: two 8-byte big-endian times, then the utterance in
 * whatever format the given utterance serde writes (the app's schema-registry serde).
 *
 * <p>The times travel with the utterance so that a batch restored from the changelog keeps
 * its event times and queue times.
 */
public final class PendingUtteranceSerde implements Serde<PendingUtterance> {

  private static final int HEADER = 2 * Long.BYTES;

  private final Serde<Utterance> utteranceSerde;

  /** Wraps {@code utteranceSerde}, which must already be configured. */
  public PendingUtteranceSerde(Serde<Utterance> utteranceSerde) {
    this.utteranceSerde = Objects.requireNonNull(utteranceSerde, "utteranceSerde");
  }

  @Override
  public Serializer<PendingUtterance> serializer() {
    return (topic, pending) -> {
      if (pending == null) {
        return null;
      }
      byte[] body = utteranceSerde.serializer().serialize(topic, pending.utterance());
      return ByteBuffer.allocate(HEADER + body.length)
          .putLong(pending.recordTimestamp())
          .putLong(pending.enqueuedAtMs())
          .put(body)
          .array();
    };
  }

  @Override
  public Deserializer<PendingUtterance> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length < HEADER) {
        throw new SerializationException("Pending utterance of " + bytes.length
            + " bytes on " + topic + " is shorter than its " + HEADER + "-byte header");
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      long recordTimestamp = buffer.getLong();
      long enqueuedAt = buffer.getLong();
      Utterance utterance = utteranceSerde.deserializer()
          .deserialize(topic, Arrays.copyOfRange(bytes, HEADER, bytes.length));
      return new PendingUtterance(recordTimestamp, enqueuedAt, utterance);
    };
  }
}
