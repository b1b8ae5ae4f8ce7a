package io.emostream.schemas.serde;

import io.emostream.schemas.registry.SchemaMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How one record schema is written for one subject: the schema id to put in the header and,
 * when the registered writer schema differs from the record's own (use.latest.version), how to
 * convert the record first. Immutable and thread-safe.
 */
final class WritePlan {
  private final int schemaId;
  private final Schema recordSchema;
  /** Null when the record is written with its own schema. */
  private final Schema targetSchema;

  private WritePlan(int schemaId, Schema recordSchema, Schema targetSchema) {
    this.schemaId = schemaId;
    this.recordSchema = recordSchema;
    this.targetSchema = targetSchema;
  }

  static WritePlan direct(int schemaId, Schema recordSchema) {
    return new WritePlan(schemaId, recordSchema, null);
  }

  /**
   * Writes with the subject's latest version. When that is not the record's own schema, it must
   * be able to read it (Avro resolution), or nothing sensible can be written.
   *
   * @throws SerializationException when the latest version cannot read the record's schema
   */
  static WritePlan forLatest(SchemaMetadata latest, Schema recordSchema) {
    if (latest.schema().equals(recordSchema)) {
      return direct(latest.id(), recordSchema);
    }
    SchemaCompatibility.SchemaPairCompatibility compat =
        SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), recordSchema);
    if (compat.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      String problems = compat.getResult().getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
          .collect(Collectors.joining("; "));
      throw new SerializationException("use.latest.version: the latest version of subject '"
          + latest.subject() + "' (version " + latest.version() + ", id " + latest.id()
          + ") cannot represent " + recordSchema.getFullName() + " as this application builds "
          + "it: " + problems + ". Upgrade the application or register its schema.");
    }
    return new WritePlan(latest.id(), recordSchema, latest.schema());
  }

  int schemaId() {
    return schemaId;
  }

  byte[] write(SpecificRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      ByteBuffer header = ByteBuffer.allocate(AvroWireFormat.HEADER_SIZE);
      AvroWireFormat.writeHeader(header, schemaId);
      out.write(header.array());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      if (targetSchema == null) {
        writer(record).write(record, encoder);
      } else {
        writeConverted(record, encoder);
      }
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<SpecificRecord> writer(SpecificRecord record) {
    // the class's own SpecificData carries its logical-type conversions (timestamps as Instant)
    SpecificData model = SpecificData.getForClass(record.getClass());
    return (DatumWriter<SpecificRecord>) (DatumWriter<?>)
        new SpecificDatumWriter<>(recordSchema, model);
  }

  /**
   * Resolves the record into the target schema by an Avro round trip: simple and exactly the
   * semantics a reader with the target schema would apply.
   */
  private void writeConverted(SpecificRecord record, BinaryEncoder encoder) throws IOException {
    ByteArrayOutputStream own = new ByteArrayOutputStream(256);
    BinaryEncoder ownEncoder = EncoderFactory.get().binaryEncoder(own, null);
    writer(record).write(record, ownEncoder);
    ownEncoder.flush();
    GenericDatumReader<Object> resolver =
        new GenericDatumReader<>(recordSchema, targetSchema, GenericData.get());
    Object converted = resolver.read(null,
        DecoderFactory.get().binaryDecoder(own.toByteArray(), null));
    new GenericDatumWriter<>(targetSchema, GenericData.get()).write(converted, encoder);
  }
}
