package io.emostream.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values, built once from config and passed to
 * whatever reads or writes it, so that a name and its types never drift apart.
 *
 * @param name       full topic name (prefix applied)
 * @param keySerde   serde of the keys
 * @param valueSerde serde of the values
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
