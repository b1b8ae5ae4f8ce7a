package io.emostream.assembly;

import static io.emostream.assembly.AssemblyDriver.expected;
import static io.emostream.assembly.AssemblyDriver.finalTranscript;
import static io.emostream.assembly.AssemblyDriver.pcmChunk;
import static io.emostream.assembly.AssemblyDriver.samplesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AudioCoverage;
import io.emostream.avro.Utterance;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that dies in the middle of an utterance and restarts elsewhere must lose
 * nothing. TopologyTestDriver wipes its state directory on close and does not restore,
 * so the test does what a restoring task does: it replays the first driver's changelog
 * topics (latest value per key, tombstones deleting) into the second driver's stores.
 */
class RestoreFromChangelogTest {

  private static final String CALL = "call-r";

  @TempDir
  Path stateDir;

  @Test
  void shouldLoseNothingWhenRestartedFromTheChangelogInTheMiddleOfAnUtterance() {
    Map<String, Map<String, byte[]>> changelogs = new LinkedHashMap<>();
    AssemblyDriver first = new AssemblyDriver(stateDir, AssemblyConfig.defaults());
    try {
      first.pipeAudio(pcmChunk(CALL, 0, 0, 0, 400));
      first.pipeAudio(pcmChunk(CALL, 0, 1, 400, 400));
      first.pipeTranscript(finalTranscript(CALL, "u1", 0, 200, 1400, "interrupted"));
      first.pipeAudio(pcmChunk(CALL, 0, 2, 800, 400));
      assertThat(first.drain()).as("audio up to 1200 ms only").isEmpty();
      for (String store : stores()) {
        changelogs.put(store, compacted(first.driver.createOutputTopic(changelog(store),
            Serdes.String().deserializer(), Serdes.ByteArray().deserializer()).readKeyValuesToList()));
      }
    } finally {
      first.close();
    }
    assertThat(changelogs.get(AssemblyTopology.NAMES.audioStore())).hasSize(3);
    assertThat(changelogs.get(AssemblyTopology.NAMES.pendingStore())).hasSize(1);

    try (AssemblyDriver second = new AssemblyDriver(stateDir, AssemblyConfig.defaults(), first.registry,
        AssemblyDriver.START.plusSeconds(1))) {
      restore(second, AssemblyTopology.NAMES.audioStore(), StoreSerdes.block(), changelogs);
      restore(second, AssemblyTopology.NAMES.pendingStore(), StoreSerdes.pending(), changelogs);
      restore(second, AssemblyTopology.NAMES.callStore(), StoreSerdes.call(), changelogs);

      second.pipeAudio(pcmChunk(CALL, 0, 3, 1200, 400));
      List<Utterance> out = second.drain();
      assertThat(out).singleElement().satisfies(u -> {
        assertThat(u.getUtteranceId()).isEqualTo("u1");
        assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
        assertThat(samplesOf(u)).containsExactly(expected(200, 1400));
      });
      second.pipeAudio(pcmChunk(CALL, 0, 1, 400, 400));
      assertThat(second.drain()).as("the restored buffer still recognises duplicates").isEmpty();
    }
  }

  private static List<String> stores() {
    return List.of(AssemblyTopology.NAMES.audioStore(), AssemblyTopology.NAMES.pendingStore(),
        AssemblyTopology.NAMES.callStore());
  }

  private static String changelog(String store) {
    return AssemblyDriver.APP_ID + "-" + store + "-changelog";
  }

  private static Map<String, byte[]> compacted(List<KeyValue<String, byte[]>> records) {
    Map<String, byte[]> latest = new LinkedHashMap<>();
    for (KeyValue<String, byte[]> kv : records) {
      if (kv.value == null) {
        latest.remove(kv.key);
      } else {
        latest.put(kv.key, kv.value);
      }
    }
    return latest;
  }

  private static <V> void restore(AssemblyDriver d, String store, Serde<V> serde,
                                  Map<String, Map<String, byte[]>> changelogs) {
    KeyValueStore<String, V> target = d.driver.getKeyValueStore(store);
    assertThat(target.approximateNumEntries()).as("a fresh task starts empty").isZero();
    changelogs.get(store).forEach((k, v) -> target.put(k, serde.deserializer().deserialize(store, v)));
  }
}
