package io.emostream.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call-state store with objects: reads without deserialising, writes as before. */
class CallStatesTest {

  private final AtomicInteger deserialised = new AtomicInteger();
  private KeyValueStore<String, CallState> store;
  private CallStates calls;

  @BeforeEach
  void setUp() {
    Serde<CallState> real = StoreSerdes.call();
    Deserializer<CallState> counting = (topic, data) -> {
      deserialised.incrementAndGet();
      return real.deserializer().deserialize(topic, data);
    };
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("calls"), Serdes.String(),
        Serdes.serdeFrom(real.serializer(), counting)).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    calls = new CallStates(store);
  }

  @Test
  void shouldReadWhatItWroteWithoutDeserialisingAndStillWriteTheStore() {
    CallState first = CallState.empty(1_000);
    calls.put("c1", first);
    CallState second = calls.get("c1").seen(2_000);
    calls.put("c1", second);

    assertThat(calls.get("c1")).isSameAs(second);
    assertThat(deserialised).as("no read went to the store").hasValue(0);
    assertThat(store.get("c1").lastSeenWallMs()).as("the store has every write").isEqualTo(2_000);
  }

  @Test
  void shouldReadACallItHasNotSeenFromTheStoreOnce() {
    store.put("restored", CallState.empty(5_000)); // what a restore leaves behind

    assertThat(calls.get("restored").lastSeenWallMs()).isEqualTo(5_000);
    assertThat(calls.get("restored").lastSeenWallMs()).isEqualTo(5_000);
    assertThat(deserialised).hasValue(1);
    assertThat(calls.get("never")).isNull();
  }

  @Test
  void shouldForgetADeletedCallInTheStoreAndAsAnObject() {
    calls.put("c1", CallState.empty(1_000));
    calls.put("c2", CallState.empty(1_000));
    calls.delete("c1");

    assertThat(calls.get("c1")).isNull();
    assertThat(store.get("c1")).isNull();
    assertThat(calls.objectsHeld()).isEqualTo(1);
    assertThat(store.approximateNumEntries()).isEqualTo(1);
  }
}
