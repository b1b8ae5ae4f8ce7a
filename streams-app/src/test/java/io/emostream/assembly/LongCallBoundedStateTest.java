package io.emostream.assembly;

import static io.emostream.assembly.AssemblyDriver.finalTranscript;
import static io.emostream.assembly.AssemblyDriver.pcmChunk;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.audio.Pcm16;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio buffer of a call of any length stays bounded by the retention, not the call. */
class LongCallBoundedStateTest {

  @TempDir
  Path stateDir;

  @Test
  void shouldKeepTheAudioStoreBoundedThroughATwoHourCall() {
    // RocksDB flushes on every TopologyTestDriver commit (one per record), which made this
    // test take a minute; the eviction logic under test is the same for either store
    AssemblyConfig config = AssemblyConfig.defaults().withInMemoryStores();
    long hours2 = Duration.ofHours(2).toMillis();
    int chunkMs = 5_000;
    long maxBytes = 0;
    long maxEntries = 0;
    long utterances = 0;
    try (AssemblyDriver t = new AssemblyDriver(stateDir, config)) {
      TestOutputTopic<String, byte[]> changelog = t.driver.createOutputTopic(
          AssemblyDriver.APP_ID + "-" + AssemblyTopology.NAMES.audioStore() + "-changelog",
          Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
      KeyValueStore<String, ChunkBlock> audio = t.driver.getKeyValueStore(AssemblyTopology.NAMES.audioStore());
      for (long s = 0, seq = 0; s < hours2; s += chunkMs, seq++) {
        for (int channel = 0; channel < 2; channel++) {
          t.pipeAudio(pcmChunk("long-call", channel, seq, s, chunkMs));
        }
        for (int channel = 0; channel < 2; channel++) { // two utterances per chunk and channel
          t.pipeTranscript(finalTranscript("long-call", "a-" + channel + "-" + s, channel, s + 200, s + 2_300, "one"));
          t.pipeTranscript(finalTranscript("long-call", "b-" + channel + "-" + s, channel, s + 2_600, s + 4_800, "two"));
        }
        t.advance(Duration.ofMillis(chunkMs));
        if (seq % 12 == 0) {
          changelog.readRecordsToList(); // the driver keeps produced records until read
          utterances += t.utterances.readRecordsToList().size();
          long bytes = 0;
          long entries = 0;
          try (var it = audio.all()) {
            while (it.hasNext()) {
              bytes += it.next().value.payloadBytes();
              entries++;
            }
          }
          maxBytes = Math.max(maxBytes, bytes);
          maxEntries = Math.max(maxEntries, entries);
        }
      }
      utterances += t.utterances.readRecordsToList().size();
    }
    long perChannelCeiling = (config.audioRetention().toMillis() + config.maxChunk().toMillis())
        * Pcm16.SAMPLES_PER_MS * 2;
    System.out.printf("two-hour call, 2 channels, 16 kHz: audio store peaked at %d entries, %.2f MiB "
        + "(ceiling %.2f MiB); %d utterances emitted%n", maxEntries, maxBytes / 1048576.0,
        2 * perChannelCeiling / 1048576.0, utterances);
    assertThat(utterances).isEqualTo(2 * 2 * (hours2 / chunkMs));
    assertThat(maxBytes).isLessThanOrEqualTo(2 * perChannelCeiling);
    assertThat(maxEntries).isLessThanOrEqualTo(2 * (config.audioRetention().toMillis() / chunkMs + 3));
  }
}
