package io.emostream.assembly;

import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallContext;
import io.emostream.avro.SpeakerRole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes of the assembler's store values. A leading version byte lets a
 * release read changelogs written by an earlier one.
 */
final class StoreSerdes {

  private StoreSerdes() {}

  interface Writer<T> {
    void write(DataOutputStream out, T value) throws IOException;
  }

  interface Reader<T> {
    T read(DataInputStream in, int version) throws IOException;
  }

  /**
   * Blocks of chunks as received. Version 3 is a block (count, then each chunk as version 2
   * writes it); versions 2 (one chunk: encoding, rate and payload as received) and 1 (one chunk
   * of 16 kHz samples decoded on arrival) are still read, as blocks of one.
   */
  static Serde<ChunkBlock> block() {
    return Serdes.serdeFrom((topic, block) -> block == null ? null : writeBlock(block),
        deserializer(BLOCK_VERSION, (in, version) -> {
      if (version < 3) {
        return ChunkBlock.of(readChunk(in, version));
      }
      List<BufferedChunk> chunks = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        chunks.add(readChunk(in, 2));
      }
      return new ChunkBlock(chunks);
    }));
  }

  private static final int BLOCK_VERSION = 3;
  /** Bytes of a chunk besides its payload: four longs, the encoding, the rate and the length. */
  private static final int CHUNK_HEADER = 4 * Long.BYTES + 1 + 2 * Integer.BYTES;

  /**
   * A block as version 3 (the bytes DataOutputStream would write) into one buffer of the exact
   * size: the open block of each channel is written on every frame, and a growing stream copied
   * it several times over and took a lock per field.
   */
  private static byte[] writeBlock(ChunkBlock block) {
    int size = 1 + Integer.BYTES;
    for (BufferedChunk c : block.chunks()) {
      size += CHUNK_HEADER + c.payload().length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put((byte) BLOCK_VERSION).putInt(block.chunks().size());
    for (BufferedChunk c : block.chunks()) {
      out.putLong(c.sequence()).putLong(c.startMs()).putLong(c.receivedWallMs()).putLong(c.timestamp())
          .put((byte) c.encoding().ordinal()).putInt(c.sampleRate()).putInt(c.payload().length).put(c.payload());
    }
    return out.array();
  }

  private static BufferedChunk readChunk(DataInputStream in, int version) throws IOException {
    long seq = in.readLong();
    long start = in.readLong();
    long wall = in.readLong();
    long ts = in.readLong();
    if (version == 1) {
      byte[] pcm = new byte[in.readInt() * 2];
      in.readFully(pcm);
      return new BufferedChunk(seq, start, wall, ts, AudioEncoding.PCM_S16LE, Pcm16.TARGET_RATE, pcm);
    }
    AudioEncoding encoding = AudioEncoding.values()[in.readUnsignedByte()];
    int rate = in.readInt();
    byte[] payload = new byte[in.readInt()];
    in.readFully(payload);
    return new BufferedChunk(seq, start, wall, ts, encoding, rate, payload);
  }

  static Serde<PendingTranscript> pending() {
    return serde(1, (out, p) -> {
      out.writeUTF(p.utteranceId());
      out.writeInt(p.channel());
      out.writeLong(p.startMs());
      out.writeLong(p.endMs());
      byte[] text = p.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(text.length);
      out.write(text);
      out.writeBoolean(p.confidence() != null);
      out.writeFloat(p.confidence() == null ? 0f : p.confidence());
      out.writeLong(p.timestamp());
      out.writeLong(p.receivedWallMs());
      out.writeLong(p.emittedWallMs());
    }, (in, version) -> {
      String id = in.readUTF();
      int channel = in.readInt();
      long start = in.readLong();
      long end = in.readLong();
      byte[] text = new byte[in.readInt()];
      in.readFully(text);
      boolean hasConfidence = in.readBoolean();
      float confidence = in.readFloat();
      return new PendingTranscript(id, channel, start, end,
          new String(text, java.nio.charset.StandardCharsets.UTF_8), hasConfidence ? confidence : null,
          in.readLong(), in.readLong(), in.readLong());
    });
  }

  /** Call state: version 2 adds the newest-chunk and waiting-transcript summaries per channel. */
  static Serde<CallState> call() {
    return serde(2, (out, s) -> {
      out.writeLong(s.lastSeenWallMs());
      out.writeInt(s.roles().size());
      for (Map.Entry<Integer, SpeakerRole> e : s.roles().entrySet()) {
        out.writeInt(e.getKey());
        out.writeUTF(e.getValue().name());
      }
      writeContext(out, s.context());
      out.writeInt(s.channels().size());
      for (Map.Entry<Integer, ChannelState> e : s.channels().entrySet()) {
        ChannelState c = e.getValue();
        out.writeInt(e.getKey());
        out.writeLong(c.audioEndMs());
        out.writeLong(c.evictedBeforeMs());
        out.writeLong(c.lastTranscriptWallMs());
        out.writeLong(c.firstAudioWallMs());
        out.writeLong(c.vadCursorMs());
        out.writeDouble(c.noiseFloorDb());
        out.writeLong(c.lastChunkTimestamp());
        out.writeLong(c.lastStartMs());
        out.writeLong(c.lastSequence());
        out.writeLong(c.runStartMs());
        out.writeInt(c.waitingCount());
        out.writeLong(c.waitingMinStartMs());
        out.writeLong(c.waitingMinEndMs());
      }
      out.writeLong(s.endedWallMs());
      out.writeBoolean(s.ending() != null);
      if (s.ending() != null) {
        out.writeLong(s.ending().requestedWallMs());
        out.writeLong(s.ending().eventTimestamp());
        out.writeInt(s.ending().attributes().size());
        for (Map.Entry<String, String> e : s.ending().attributes().entrySet()) {
          out.writeUTF(e.getKey());
          out.writeUTF(e.getValue());
        }
      }
    }, (in, version) -> {
      long lastSeen = in.readLong();
      Map<Integer, SpeakerRole> roles = new TreeMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        roles.put(in.readInt(), SpeakerRole.valueOf(in.readUTF()));
      }
      CallContext context = readContext(in);
      Map<Integer, ChannelState> channels = new TreeMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        int channel = in.readInt();
        ChannelState c = new ChannelState(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
            in.readDouble(), in.readLong(), ChannelState.UNKNOWN, -1, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE);
        if (version >= 2) {
          c = new ChannelState(c.audioEndMs(), c.evictedBeforeMs(), c.lastTranscriptWallMs(), c.firstAudioWallMs(),
              c.vadCursorMs(), c.noiseFloorDb(), c.lastChunkTimestamp(), in.readLong(), in.readLong(), in.readLong(),
              in.readInt(), in.readLong(), in.readLong());
        } else {
          // version 1 did not summarise waiting transcripts: assume some wait, so the store is looked at
          c = c.withWaiting(1, 0, 0);
        }
        channels.put(channel, c);
      }
      long endedWallMs = in.readLong();
      CallState.Ending ending = null;
      if (in.readBoolean()) {
        long requested = in.readLong();
        long timestamp = in.readLong();
        Map<String, String> attributes = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
          attributes.put(in.readUTF(), in.readUTF());
        }
        ending = new CallState.Ending(requested, timestamp, attributes);
      }
      return new CallState(roles, context, channels, lastSeen, ending, endedWallMs);
    });
  }

  private static void writeContext(DataOutputStream out, CallContext context) throws IOException {
    out.writeBoolean(context != null);
    if (context != null) {
      writeNullable(out, context.getTenant());
      writeNullable(out, context.getAgentId());
      writeNullable(out, context.getQueue());
    }
  }

  private static CallContext readContext(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new CallContext(readNullable(in), readNullable(in), readNullable(in));
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /** A serde writing {@code version} and reading it and every earlier one. */
  private static <T> Serde<T> serde(int version, Writer<T> writer, Reader<T> reader) {
    return Serdes.serdeFrom((topic, value) -> {
      if (value == null) {
        return null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(version);
        writer.write(out, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }, deserializer(version, reader));
  }

  /** Reads {@code version} and every earlier one. */
  private static <T> Deserializer<T> deserializer(int version, Reader<T> reader) {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
        int found = in.readUnsignedByte();
        if (found < 1 || found > version) {
          throw new IllegalStateException("assembler store value has format version " + found
              + ", this release reads versions 1 to " + version + "; restore with a matching release");
        }
        return reader.read(in, found);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
