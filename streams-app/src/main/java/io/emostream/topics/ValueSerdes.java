package io.emostream.topics;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Makes the configured value serde of an Avro record type (the app's is registry-backed). */
public interface ValueSerdes {

  /** A configured value serde for records of {@code type}. */
  <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type);
}
