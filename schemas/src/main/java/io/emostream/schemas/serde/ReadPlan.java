package io.emostream.schemas.serde;

import java.io.IOException;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How records written with one schema id are read: the writer schema resolved against the
 * target class's schema. A plan that cannot work (no class, incompatible schemas) is kept too,
 * so every such record fails fast with the same message and without asking the registry again.
 */
final class ReadPlan<T> {
  private final int schemaId;
  private final Schema writer;
  /** Null when {@link #problem} is set. */
  private final SpecificDatumReader<T> reader;
  private final String problem;

  private ReadPlan(int schemaId, Schema writer, SpecificDatumReader<T> reader, String problem) {
    this.schemaId = schemaId;
    this.writer = writer;
    this.reader = reader;
    this.problem = problem;
  }

  /**
   * @param type the class to read into, or null to use the one named by the writer schema
   */
  static <T> ReadPlan<T> create(int id, Schema writer, Class<? extends SpecificRecord> type) {
    Class<?> target = type != null ? type : classOf(writer);
    if (target == null) {
      return new ReadPlan<>(id, writer, null, "no generated class " + writer.getFullName()
          + " on the classpath; set specific.avro.value.type (or .key.type) or construct the "
          + "deserializer with the class to read into");
    }
    SpecificData model = SpecificData.getForClass(target);
    Schema readerSchema = model.getSchema(target);
    SchemaCompatibility.SchemaPairCompatibility compat =
        SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
    if (compat.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      String problems = compat.getResult().getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
          .collect(Collectors.joining("; "));
      return new ReadPlan<>(id, writer, null, "writer schema " + writer.getFullName()
          + " cannot be read as " + target.getName() + ": " + problems);
    }
    return new ReadPlan<>(id, writer, new SpecificDatumReader<>(writer, readerSchema, model),
        null);
  }

  private static Class<?> classOf(Schema writer) {
    if (writer.getType() != Schema.Type.RECORD) {
      return null;
    }
    Class<?> cls = SpecificData.get().getClass(writer);
    return cls != null && SpecificRecord.class.isAssignableFrom(cls) ? cls : null;
  }

  T read(String topic, byte[] data) {
    if (problem != null) {
      throw new SerializationException("Cannot read record from topic " + topic
          + " with schema id " + schemaId + ": " + problem);
    }
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data,
        AvroWireFormat.HEADER_SIZE, data.length - AvroWireFormat.HEADER_SIZE, null);
    T value;
    try {
      value = reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      // EOFException for truncation; AvroRuntimeException, negative lengths etc. for garbage
      throw new SerializationException("Cannot decode record from topic " + topic + " (" 
          + data.length + " bytes, schema id " + schemaId + ", " + writer.getFullName()
          + "): the Avro body is truncated or corrupt (" + e + ")", e);
    }
    try {
      if (!decoder.isEnd()) {
        throw new SerializationException("Record from topic " + topic + " has bytes left over "
            + "after decoding it with schema id " + schemaId + " (" + writer.getFullName()
            + "): the schema id does not match the body, or the body is corrupt.");
      }
    } catch (IOException e) {
      throw new SerializationException("Cannot check the end of record from topic " + topic, e);
    }
    return value;
  }
}
