package io.emostream.assembly;

import static io.emostream.assembly.AssemblyDriver.expected;
import static io.emostream.assembly.AssemblyDriver.finalTranscript;
import static io.emostream.assembly.AssemblyDriver.pcmChunk;
import static io.emostream.assembly.AssemblyDriver.samplesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.Utterance;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio store keeps the frames of one {@link AudioBuffer#BLOCK_MS} slice under one key. */
class AudioBlocksTest {

  private static final String CALL = "call-b";

  @TempDir
  Path stateDir;

  @Test
  void shouldKeepTheFramesOfOneBlockUnderOneKeyAndAssembleTheSameAudio() {
    try (AssemblyDriver t = new AssemblyDriver(stateDir, AssemblyConfig.defaults())) {
      for (int seq = 0; seq < 30; seq++) { // 600 ms of 20 ms frames
        t.pipeAudio(pcmChunk(CALL, 0, seq, seq * 20L, 20));
      }
      t.pipeTranscript(finalTranscript(CALL, "u1", 0, 30, 590, "hello there"));

      List<Utterance> out = t.drain();
      assertThat(out).singleElement().satisfies(u -> {
        assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
        assertThat(samplesOf(u)).containsExactly(expected(30, 590));
      });
      List<KeyValue<String, byte[]>> changelog = t.driver.createOutputTopic(
          AssemblyDriver.APP_ID + "-" + AssemblyTopology.NAMES.audioStore() + "-changelog",
          Serdes.String().deserializer(), Serdes.ByteArray().deserializer()).readKeyValuesToList();
      Set<String> keys = new TreeSet<>();
      changelog.forEach(kv -> keys.add(kv.key));
      assertThat(keys).as("30 frames in three 200 ms blocks").hasSize(3);
    }
  }

  @Test
  void shouldFindLateAndRepeatedFramesInsideBlocks() {
    try (AssemblyDriver t = new AssemblyDriver(stateDir, AssemblyConfig.defaults())) {
      for (int seq = 0; seq < 20; seq++) {
        if (seq != 7) {
          t.pipeAudio(pcmChunk(CALL, 0, seq, seq * 20L, 20));
        }
      }
      t.pipeTranscript(finalTranscript(CALL, "u1", 0, 100, 380, "late frame"));
      assertThat(t.drain()).as("the hole at 140 ms holds the utterance back").isEmpty();

      t.pipeAudio(pcmChunk(CALL, 0, 7, 140, 20));
      t.pipeAudio(pcmChunk(CALL, 0, 7, 140, 20)); // a repeat of it is dropped quietly
      assertThat(t.drain()).singleElement()
          .satisfies(u -> assertThat(samplesOf(u)).containsExactly(expected(100, 380)));
      assertThat(t.drainDeadLetters()).isEmpty();

      t.pipeAudio(pcmChunk(CALL, 0, 99, 160, 20)); // another sequence where seq 8 starts
      assertThat(t.drainDeadLetters()).as("a conflicting frame inside a block").hasSize(1);
    }
  }

  @Test
  void shouldReadChunksStoredOneByOneBeforeBlocksExisted() throws IOException {
    try (AssemblyDriver t = new AssemblyDriver(stateDir, AssemblyConfig.defaults())) {
      KeyValueStore<String, ChunkBlock> store = t.driver.getKeyValueStore(AssemblyTopology.NAMES.audioStore());
      // what a release before blocks left in the store: one chunk per key, keyed by its own start
      for (int seq = 0; seq < 6; seq++) {
        long start = seq * 130L;
        byte[] legacy = legacyEntry(seq, start, Pcm16.toBytes(expected(start, start + 130)));
        store.put(StoreKeys.audio(CALL, 0, start),
            StoreSerdes.block().deserializer().deserialize("audio", legacy));
      }
      // the same call goes on with this release's blocks (780 ms on)
      for (int seq = 6; seq < 12; seq++) {
        t.pipeAudio(pcmChunk(CALL, 0, seq, seq * 130L, 130));
      }
      t.pipeTranscript(finalTranscript(CALL, "u1", 0, 50, 1500, "across the upgrade"));

      assertThat(t.drain()).singleElement()
          .satisfies(u -> assertThat(samplesOf(u)).containsExactly(expected(50, 1500)));
    }
  }

  @Test
  void shouldWriteABlockInTheLayoutItIsReadIn() throws IOException {
    BufferedChunk first = new BufferedChunk(4, 80, 1_000, 2_000, AudioEncoding.MULAW, 8_000, new byte[] {1, 2, 3});
    BufferedChunk second = new BufferedChunk(5, 100, 1_020, 2_020, AudioEncoding.PCM_S16LE, 16_000, new byte[] {9, 8});
    ChunkBlock block = ChunkBlock.of(first).with(second);

    byte[] written = StoreSerdes.block().serializer().serialize("audio", block);

    // version 3 as DataOutputStream writes it, so changelogs of earlier releases and this one mix
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(3);
      out.writeInt(2);
      for (BufferedChunk c : List.of(first, second)) {
        out.writeLong(c.sequence());
        out.writeLong(c.startMs());
        out.writeLong(c.receivedWallMs());
        out.writeLong(c.timestamp());
        out.writeByte(c.encoding().ordinal());
        out.writeInt(c.sampleRate());
        out.writeInt(c.payload().length);
        out.write(c.payload());
      }
    }
    assertThat(written).containsExactly(bytes.toByteArray());
    ChunkBlock read = StoreSerdes.block().deserializer().deserialize("audio", written);
    assertThat(read.chunks()).extracting(BufferedChunk::sequence).containsExactly(4L, 5L);
    assertThat(read.chunks().get(0).payload()).containsExactly(1, 2, 3);
  }

  /** A version 2 entry: one chunk of 16 kHz PCM. */
  private static byte[] legacyEntry(long sequence, long startMs, byte[] pcm) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(2);
      out.writeLong(sequence);
      out.writeLong(startMs);
      out.writeLong(0L);
      out.writeLong(0L);
      out.writeByte(AudioEncoding.PCM_S16LE.ordinal());
      out.writeInt(16_000);
      out.writeInt(pcm.length);
      out.write(pcm);
    }
    return bytes.toByteArray();
  }
}
