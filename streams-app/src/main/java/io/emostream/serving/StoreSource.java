package io.emostream.serving;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Read-only views of this instance's state stores by name. The Streams implementation throws
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the store is not
 * queryable (starting, restoring, migrated); the API then reports that partition as missing.
 */
interface StoreSource {

  <V> ReadOnlyKeyValueStore<String, V> keyValue(String name);

  <V> ReadOnlyWindowStore<String, V> window(String name);

  /** The store of one partition's active task on this instance of {@code streams}. */
  static StoreSource of(KafkaStreams streams, int partition) {
    return new StoreSource() {
      @Override
      public <V> ReadOnlyKeyValueStore<String, V> keyValue(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
            .withPartition(partition));
      }

      @Override
      public <V> ReadOnlyWindowStore<String, V> window(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>windowStore())
            .withPartition(partition));
      }
    };
  }
}
