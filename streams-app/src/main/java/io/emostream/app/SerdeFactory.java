package io.emostream.app;

import io.emostream.config.ConfigException;
import io.emostream.schemas.registry.HttpSchemaRegistryClient;
import io.emostream.schemas.registry.SchemaRegistryClient;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.topics.ValueSerdes;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes the value serdes of every topic from config.
 *
 * <p>By default emostream's own {@link SpecificAvroSerde} (Confluent wire format, any
 * Confluent-compatible registry), all sharing one registry client and its caches. With
 * {@code serde.class} set, that class is instantiated instead (no-argument constructor) and
 * configured with the registry settings plus {@code specific.avro.reader=true} — so a user can
 * drop in Confluent's {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde} or
 * Apicurio's serde by putting its jar on the class path.
 */
public final class SerdeFactory implements ValueSerdes, AutoCloseable {

  private final EmostreamConfig config;
  private final String serdeClass;
  private final SchemaRegistryClient client;

  /** Serdes from config; opens one registry client unless a custom serde class is set. */
  public SerdeFactory(EmostreamConfig config) {
    this(config, null);
  }

  /** Serdes over the given registry client (tests use an in-memory one); {@code client} may be null. */
  public SerdeFactory(EmostreamConfig config, SchemaRegistryClient client) {
    this.config = config;
    this.serdeClass = config.get(EmostreamConfig.SERDE_CLASS).orElse(null);
    if (client != null || serdeClass != null) {
      this.client = client;
    } else {
      config.required(EmostreamConfig.REGISTRY_URL);
      this.client = new HttpSchemaRegistryClient(config.registryConfig());
    }
  }

  @Override
  public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
    Map<String, Object> settings = new HashMap<>(config.registryConfig());
    if (serdeClass == null) {
      SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(client, type);
      serde.configure(settings, false);
      return serde;
    }
    settings.put("specific.avro.reader", "true");
    Serde<T> serde = instantiate(type);
    serde.configure(settings, false);
    return serde;
  }

  @SuppressWarnings("unchecked")
  private <T> Serde<T> instantiate(Class<T> type) {
    try {
      Object serde = Class.forName(serdeClass).getDeclaredConstructor().newInstance();
      if (!(serde instanceof Serde<?>)) {
        throw new ConfigException(EmostreamConfig.SERDE_CLASS + "=" + serdeClass + " is not a "
            + Serde.class.getName());
      }
      return (Serde<T>) serde;
    } catch (ClassNotFoundException e) {
      throw new ConfigException(EmostreamConfig.SERDE_CLASS + "=" + serdeClass
          + " is not on the class path: add its jar (e.g. java -cp emostream.jar:your-serde.jar ...)", e);
    } catch (ReflectiveOperationException e) {
      throw new ConfigException(EmostreamConfig.SERDE_CLASS + "=" + serdeClass
          + " cannot be created with a no-argument constructor: " + e, e);
    }
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
