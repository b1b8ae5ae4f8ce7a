package io.emostream.assembly;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The assembler's call-state store with the newest state of each call it touched also kept as an
 * object. Every 20 ms frame reads its call's state and writes it back; the store is cached, so the
 * write reaches RocksDB and the changelog once per commit, but each read still deserialised the
 * state the previous frame had just serialised. Reads now come from the object when there is one.
 *
 * <p>Writes still go to the store every time, so the changelog (what a crash or a move restores)
 * is as before. Only the assembler writes this store, and a new processor (a restored, revived or
 * reassigned task) starts with an empty map, so an object is never older than the store. The map
 * holds no call the store no longer holds.
 */
final class CallStates {

  private final KeyValueStore<String, CallState> store;
  private final Map<String, CallState> newest = new HashMap<>();

  CallStates(KeyValueStore<String, CallState> store) {
    this.store = store;
  }

  /** The call's state, or null when the store has none. */
  CallState get(String callId) {
    CallState state = newest.get(callId);
    if (state == null) {
      state = store.get(callId);
      if (state != null) {
        newest.put(callId, state);
      }
    }
    return state;
  }

  void put(String callId, CallState state) {
    store.put(callId, state);
    if (state == null) {
      newest.remove(callId);
    } else {
      newest.put(callId, state);
    }
  }

  /** Removes the call without reading its old value back (a store delete would deserialise it). */
  void delete(String callId) {
    put(callId, null);
  }

  /** Every stored call, in key order, from the store. */
  KeyValueIterator<String, CallState> all() {
    return store.all();
  }

  /** Calls held as objects (for tests: it never exceeds the store's). */
  int objectsHeld() {
    return newest.size();
  }
}
