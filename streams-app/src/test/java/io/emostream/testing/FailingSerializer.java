package io.emostream.testing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** A UTF-8 string serializer that refuses one value, for the dead-letter tests of output serialization. */
public final class FailingSerializer {

  private FailingSerializer() {}

  /** Serializes strings as UTF-8, except {@code bad}, for which it throws a {@link SerializationException}. */
  public static Serializer<String> failingOn(String bad) {
    return (topic, data) -> {
      if (data.equals(bad)) {
        throw new SerializationException("cannot write '" + data + "' on purpose");
      }
      return data.getBytes(StandardCharsets.UTF_8);
    };
  }
}
