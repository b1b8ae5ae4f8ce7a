package io.emostream.schemas.serde;

import io.emostream.schemas.registry.HttpSchemaRegistryClient;
import io.emostream.schemas.registry.SchemaNotFoundException;
import io.emostream.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into a generated record class, resolving the writer's schema
 * by the id in the header (cached per id) so records written with older or newer compatible
 * versions read fine. Thread-safe once configured.
 *
 * <p>The target class comes from the constructor, else from {@code specific.avro.value.type} /
 * {@code specific.avro.key.type}, else from the writer schema's full name.
 *
 * <p>Failures: a {@link SerializationException} saying what is wrong for bad bytes (wrong magic
 * byte, too short, truncated or corrupt body, unknown schema id, writer schema the class cannot
 * read); such records belong in a dead-letter topic. Registry infrastructure problems
 * (unreachable, unauthorized) surface as the client's own exceptions instead, because the record
 * is not at fault and must not be dead-lettered.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final Class<T> fixedType;
  private Class<? extends SpecificRecord> configuredType;
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private final Map<Integer, ReadPlan<T>> plans = new ConcurrentHashMap<>();

  /** For use by class name: {@link #configure} must be called with schema.registry.url. */
  public SpecificAvroDeserializer() {
    this(null, null);
  }

  /** Reads into {@code type}; {@link #configure} must supply the registry. */
  public SpecificAvroDeserializer(Class<T> type) {
    this(null, type);
  }

  /**
   * Usable at once; reads into the class named by each writer schema.
   *
   * @param client the registry client; not closed by this deserializer
   */
  public SpecificAvroDeserializer(SchemaRegistryClient client) {
    this(Objects.requireNonNull(client, "client"), null);
  }

  /**
   * Usable at once.
   *
   * @param client the registry client; not closed by this deserializer; null to build one in
   *     {@link #configure}
   * @param type the class to read into; null to derive it from config or the writer schema
   */
  public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> type) {
    this.client = client;
    this.fixedType = type;
  }

  void adoptClient(SchemaRegistryClient shared, boolean owns) {
    this.client = shared;
    this.ownsClient = owns;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    this.configuredType = config.specificType(isKey);
    if (client == null) {
      client = new HttpSchemaRegistryClient(configs);
      ownsClient = true;
    }
    plans.clear();
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("SpecificAvroDeserializer is not configured: call "
          + "configure(...) with schema.registry.url, or construct it with a "
          + "SchemaRegistryClient.");
    }
    int id = AvroWireFormat.schemaId(topic, data);
    ReadPlan<T> plan = plans.get(id);
    if (plan == null) {
      plan = ReadPlan.create(id, writerSchema(topic, id), targetType());
      // a racing thread may have built the same plan; either is fine
      plans.putIfAbsent(id, plan);
    }
    return plan.read(topic, data);
  }

  private Schema writerSchema(String topic, int id) {
    try {
      return client.getSchemaById(id);
    } catch (SchemaNotFoundException e) {
      throw new SerializationException("Record from topic " + topic + " names schema id " + id
          + ", which the schema registry does not know: written against another registry, or "
          + "the schema was deleted. Registry said: " + e.getMessage(), e);
    }
  }

  private Class<? extends SpecificRecord> targetType() {
    return fixedType != null ? fixedType : configuredType;
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
