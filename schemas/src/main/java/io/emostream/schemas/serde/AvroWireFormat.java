package io.emostream.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding of the datum.
 */
public final class AvroWireFormat {
  /** The only format version there is. */
  public static final byte MAGIC_BYTE = 0;
  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 5;

  private AvroWireFormat() {}

  /** Writes the 5-byte header into the start of {@code buffer}. */
  static void writeHeader(ByteBuffer buffer, int schemaId) {
    buffer.put(MAGIC_BYTE).putInt(schemaId);
  }

  /**
   * Reads and checks the header of a record from {@code topic}.
   *
   * @return the schema id
   * @throws SerializationException when the bytes are too short or the magic byte is wrong
   */
  public static int schemaId(String topic, byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException("Record from topic " + topic + " is " + data.length
          + " byte(s) long; the Confluent Avro wire format needs at least " + HEADER_SIZE
          + " (magic byte 0 and a 4-byte schema id). Was it written by another serializer?");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(String.format("Record from topic %s starts with magic "
          + "byte 0x%02x instead of 0x00: it was not written in the Confluent Avro wire format "
          + "(plain JSON, string or another serializer?).", topic, data[0] & 0xff));
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
