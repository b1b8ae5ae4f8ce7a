package io.emostream.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * JSON serde for the app's internal state records (rollup, alert, summary and window state).
 *
 * <p>Internal state never leaves the app, so it needs no registry; JSON keeps changelog
 * records readable when debugging and tolerates added fields (unknown ones are ignored,
 * missing ones take Java defaults) across versions.
 */
public final class JsonSerde<T> implements Serde<T> {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Class<T> type;

  /** A serde of {@code type}, which must be a record or bean Jackson can map. */
  public JsonSerde(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * A persistent, changelogged store of {@code type} values as JSON under String keys: how the
   * features keep their state per call (or per call and role).
   */
  public static <T> StoreBuilder<KeyValueStore<String, T>> keyValueStore(String name, Class<T> type) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), new JsonSerde<>(type));
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return MAPPER.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException("Cannot write " + type.getSimpleName() + " as JSON", e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return MAPPER.readValue(bytes, type);
      } catch (IOException e) {
        throw new SerializationException("Cannot read " + type.getSimpleName() + " from JSON on "
            + topic + ": " + e.getMessage(), e);
      }
    };
  }
}
