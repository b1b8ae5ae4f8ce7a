package io.emostream.schemas.serde;

import io.emostream.schemas.registry.HttpSchemaRegistryClient;
import io.emostream.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer} sharing one registry
 * client: the Confluent wire format over any registry speaking the Confluent REST API.
 *
 * <pre>{@code
 * Serde<AudioChunk> serde = new SpecificAvroSerde<>(AudioChunk.class);
 * serde.configure(Map.of("schema.registry.url", "http://localhost:8081"), false);
 * }</pre>
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final SpecificAvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;
  private final boolean clientGiven;
  /** The client built by {@link #configure}, closed when reconfigured or closed; else null. */
  private SchemaRegistryClient ownedClient;

  /** For use by class name; reads into the class the writer schema or config names. */
  public SpecificAvroSerde() {
    this(null, null);
  }

  /** Reads into {@code type}; {@link #configure} must supply the registry. */
  public SpecificAvroSerde(Class<T> type) {
    this(null, Objects.requireNonNull(type, "type"));
  }

  /**
   * Usable at once with the defaults (value side, TopicNameStrategy, auto-register).
   *
   * @param client shared registry client; not closed by this serde
   */
  public SpecificAvroSerde(SchemaRegistryClient client) {
    this(Objects.requireNonNull(client, "client"), null);
  }

  /**
   * Usable at once with the defaults (value side, TopicNameStrategy, auto-register).
   *
   * @param client shared registry client; not closed by this serde; null to build one in
   *     {@link #configure}
   * @param type class to read into; null to take it from config or the writer schema
   */
  public SpecificAvroSerde(SchemaRegistryClient client, Class<T> type) {
    this.clientGiven = client != null;
    this.serializer = client == null ? new SpecificAvroSerializer<>()
        : new SpecificAvroSerializer<>(client);
    this.deserializer = new SpecificAvroDeserializer<>(client, type);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (!clientGiven) {
      // one client (one cache, one connection pool) for both directions
      SchemaRegistryClient shared = new HttpSchemaRegistryClient(configs);
      if (ownedClient != null) {
        ownedClient.close();
      }
      ownedClient = shared;
      serializer.adoptClient(shared, false);
      deserializer.adoptClient(shared, false);
    }
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
    if (ownedClient != null) {
      ownedClient.close();
    }
  }
}
