package io.emostream.schemas.serde;

import io.emostream.schemas.registry.HttpSchemaRegistryClient;
import io.emostream.schemas.registry.IncompatibleSchemaException;
import io.emostream.schemas.registry.SchemaMetadata;
import io.emostream.schemas.registry.SchemaNotFoundException;
import io.emostream.schemas.registry.SchemaRegistryClient;
import io.emostream.schemas.registry.SchemaRegistryException;
import io.emostream.schemas.registry.SubjectNotFoundException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format, registering (or looking up) their
 * schema in a schema registry. Thread-safe once configured.
 *
 * <p>Which schema id goes on the wire: with {@code use.latest.version} the subject's latest
 * version (the record is converted to it when the two differ); otherwise, with
 * {@code auto.register.schemas} (default) the record's own schema, registered on first use;
 * otherwise the id of the record's own schema looked up without registering.
 *
 * <p>Failures: {@link SerializationException} for problems of the record or contract (subject
 * rejects the schema, schema not registered); registry infrastructure problems (unreachable,
 * unauthorized) surface as the registry client's own exceptions, which callers should not treat
 * as a bad record.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private record PlanKey(String subject, Schema schema) {}

  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatest;
  private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;
  private final Map<PlanKey, WritePlan> plans = new ConcurrentHashMap<>();

  /** For use by class name: {@link #configure} must be called with schema.registry.url. */
  public SpecificAvroSerializer() {}

  /**
   * Serializer on a shared client, usable at once with the defaults (value side,
   * TopicNameStrategy, auto-register); {@link #configure} may still change those.
   *
   * @param client the registry client; not closed by this serializer
   */
  public SpecificAvroSerializer(SchemaRegistryClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Lets {@link SpecificAvroSerde} share one client between its serializer and deserializer. */
  void adoptClient(SchemaRegistryClient shared, boolean owns) {
    this.client = shared;
    this.ownsClient = owns;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    this.autoRegister = config.autoRegisterSchemas();
    this.useLatest = config.useLatestVersion();
    this.strategy = config.subjectNameStrategy(isKey);
    if (client == null) {
      client = new HttpSchemaRegistryClient(configs);
      ownsClient = true;
    }
    plans.clear();
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("SpecificAvroSerializer is not configured: call "
          + "configure(...) with schema.registry.url, or construct it with a "
          + "SchemaRegistryClient.");
    }
    Schema schema = data.getSchema();
    String subject;
    try {
      subject = strategy.subject(topic, isKey, schema);
    } catch (IllegalArgumentException e) {
      throw new SerializationException(e.getMessage(), e);
    }
    try {
      return plan(subject, schema).write(data);
    } catch (SerializationException | SchemaRegistryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SerializationException("Cannot serialize " + schema.getFullName() + " for topic "
          + topic + " (subject '" + subject + "'): " + e, e);
    }
  }

  private WritePlan plan(String subject, Schema schema) {
    if (useLatest) {
      // not cached here: the client caches the latest version for latest.cache.ttl.sec, so a
      // newly registered version is picked up without a restart
      SchemaMetadata latest = latest(subject, schema);
      PlanKey key = new PlanKey(subject + "#" + latest.id(), schema);
      return plans.computeIfAbsent(key, k -> WritePlan.forLatest(latest, schema));
    }
    PlanKey key = new PlanKey(subject, schema);
    WritePlan cached = plans.get(key);
    if (cached != null) {
      return cached;
    }
    WritePlan plan = WritePlan.direct(resolveId(subject, schema), schema);
    plans.putIfAbsent(key, plan);
    return plan;
  }

  private SchemaMetadata latest(String subject, Schema schema) {
    try {
      return client.getLatestSchemaMetadata(subject);
    } catch (SubjectNotFoundException e) {
      throw new SerializationException("use.latest.version=true but subject '" + subject
          + "' has no registered version to write " + schema.getFullName() + " with: register "
          + "the schema first, or turn use.latest.version off. Registry said: " + e.getMessage(),
          e);
    }
  }

  private int resolveId(String subject, Schema schema) {
    try {
      return autoRegister ? client.register(subject, schema) : client.getId(subject, schema);
    } catch (IncompatibleSchemaException e) {
      throw new SerializationException("Schema of " + schema.getFullName() + " is incompatible "
          + "with subject '" + subject + "': " + e.getMessage(), e);
    } catch (SubjectNotFoundException | SchemaNotFoundException e) {
      throw new SerializationException("Schema of " + schema.getFullName() + " is not registered"
          + " under subject '" + subject + "' and auto.register.schemas=false: register it "
          + "first (or set auto.register.schemas=true). Registry said: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
