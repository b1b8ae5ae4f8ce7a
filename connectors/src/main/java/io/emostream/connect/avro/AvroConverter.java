package io.emostream.connect.avro;

import io.emostream.schemas.registry.HttpSchemaRegistryClient;
import io.emostream.schemas.registry.SchemaRegistryClient;
import io.emostream.schemas.registry.SchemaRegistryException;
import io.emostream.schemas.serde.AvroSerdeConfig;
import io.emostream.schemas.serde.AvroWireFormat;
import io.emostream.schemas.serde.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Kafka Connect converter for Avro in the Confluent wire format (magic byte 0, 4-byte schema
 * id, Avro binary) through any registry with the Confluent REST API, in place of Confluent's
 * AvroConverter, which is not on Maven Central.
 *
 * <p>For sinks, {@link #toConnectData} turns a record into a Connect {@code Struct} with a
 * typed Connect schema (see {@link AvroToConnect} for the mapping). For sources,
 * {@link #fromConnectData} does the reverse and registers the schema under the subject of the
 * configured strategy (TopicNameStrategy by default).
 *
 * <p>Configuration (with the worker's {@code value.converter.} or {@code key.converter.}
 * prefix): {@code schema.registry.url} and the other registry client keys of
 * {@link io.emostream.schemas.registry.SchemaRegistryClientConfig}, plus
 * {@code auto.register.schemas} and {@code key/value.subject.name.strategy}.
 *
 * <p>Schemas are cached per id and per Connect schema, so the registry is asked once per
 * schema. Thread-safe once configured.
 */
public class AvroConverter implements Converter {
  private record ReadPlan(org.apache.avro.Schema writer, Schema connect,
      GenericDatumReader<Object> reader) {}

  private record WriteKey(String topic, Schema schema) {}

  private record WritePlan(int id, org.apache.avro.Schema avro,
      GenericDatumWriter<Object> writer) {}

  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean isKey;
  private boolean autoRegister = true;
  private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;
  private final Map<Integer, ReadPlan> readPlans = new ConcurrentHashMap<>();
  private final Map<WriteKey, WritePlan> writePlans = new ConcurrentHashMap<>();

  /** For use by class name: {@link #configure} builds the registry client. */
  public AvroConverter() {}

  /**
   * A converter on a shared client (e.g. an in-memory registry in tests); {@link #configure}
   * still reads the serde keys.
   *
   * @param client not closed by this converter
   */
  public AvroConverter(SchemaRegistryClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig serde = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    this.autoRegister = serde.autoRegisterSchemas();
    this.strategy = serde.subjectNameStrategy(isKey);
    if (client == null) {
      client = new HttpSchemaRegistryClient(configs);
      ownsClient = true;
    }
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    if (schema == null) {
      throw new DataException("AvroConverter needs a schema to write a value for topic " + topic
          + "; schemaless values (e.g. from JsonConverter with schemas.enable=false) cannot be "
          + "written as Avro");
    }
    requireConfigured();
    try {
      WritePlan plan = writePlan(topic, schema);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(ByteBuffer.allocate(AvroWireFormat.HEADER_SIZE).put(AvroWireFormat.MAGIC_BYTE)
          .putInt(plan.id()).array());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      plan.writer().write(ConnectToAvro.value(schema, plan.avro(), value), encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new DataException("Cannot convert a " + schema.type() + " value of schema "
          + schema.name() + " to Avro for topic " + topic + ": " + e.getMessage(), e);
    }
  }

  private WritePlan writePlan(String topic, Schema schema) {
    return writePlans.computeIfAbsent(new WriteKey(topic, schema), k -> {
      org.apache.avro.Schema avro = ConnectToAvro.schema(schema);
      String subject = strategy.subject(topic, isKey, avro);
      int id = autoRegister ? client.register(subject, avro) : client.getId(subject, avro);
      return new WritePlan(id, avro, new GenericDatumWriter<>(avro));
    });
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    requireConfigured();
    int id;
    try {
      id = AvroWireFormat.schemaId(topic, value);
    } catch (SerializationException e) {
      throw new DataException(e.getMessage(), e);
    }
    ReadPlan plan;
    try {
      plan = readPlans.computeIfAbsent(id, this::readPlan);
    } catch (SchemaRegistryException e) {
      throw new DataException("Cannot fetch schema id " + id + " for a record from topic "
          + topic + ": " + e.getMessage(), e);
    }
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value,
          AvroWireFormat.HEADER_SIZE, value.length - AvroWireFormat.HEADER_SIZE, null);
      Object datum = plan.reader().read(null, decoder);
      return new SchemaAndValue(plan.connect(),
          AvroToConnect.value(plan.connect(), plan.writer(), datum));
    } catch (IOException | RuntimeException e) {
      throw new DataException("Cannot decode a record from topic " + topic + " (" + value.length
          + " bytes, schema id " + id + ", " + plan.writer().getFullName() + "): " + e, e);
    }
  }

  private ReadPlan readPlan(int id) {
    org.apache.avro.Schema writer = client.getSchemaById(id);
    return new ReadPlan(writer, AvroToConnect.schema(writer), new GenericDatumReader<>(writer));
  }

  private void requireConfigured() {
    if (client == null) {
      throw new IllegalStateException("AvroConverter is not configured: set "
          + "value.converter.schema.registry.url (or key.converter.schema.registry.url)");
    }
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
