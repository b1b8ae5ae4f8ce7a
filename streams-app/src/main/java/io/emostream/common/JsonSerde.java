package io.emostream.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

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
