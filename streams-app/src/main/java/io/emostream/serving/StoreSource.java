package io.emostream.serving;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Read-only views of this instance's state stores by name. The Streams implementation throws
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the store is not
 * queryable (starting, rebalancing, migrated), which the API answers with 503.
 */
interface StoreSource {

  <V> ReadOnlyKeyValueStore<String, V> keyValue(String name);

  <V> ReadOnlyWindowStore<String, V> window(String name);

  /** The local stores of {@code streams} (all its local tasks together). */
  static StoreSource of(KafkaStreams streams) {
    return new StoreSource() {
      @Override
      public <V> ReadOnlyKeyValueStore<String, V> keyValue(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
      }

      @Override
      public <V> ReadOnlyWindowStore<String, V> window(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>windowStore()));
      }
    };
  }
}
