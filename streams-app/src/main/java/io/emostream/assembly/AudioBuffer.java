package io.emostream.assembly;

import io.emostream.audio.Pcm16;
import io.emostream.audio.SourceAudio;
import io.emostream.model.audio.Resampler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The assembler's audio store seen as one 16 kHz timeline per call and channel: chunks, as
 * received, grouped in {@link ChunkBlock}s of {@value #BLOCK_MS} ms keyed by the block's start,
 * read by range scans when an utterance is cut, evicted from the old end.
 *
 * <p>The newest block of each channel is also kept here, so an in-order frame is appended to it
 * without reading (and deserialising) the block back from the store; the store is cached, so the
 * frames of one block between two commits reach RocksDB and the changelog as one write. This
 * object lives as long as its processor: a restored or reassigned task gets a new one.
 */
final class AudioBuffer {

  /** Interior gaps up to this many samples (1 ms) are bridged: they come from rounding
   * chunk times of 11.025/22.05/44.1 kHz audio to whole milliseconds, not from loss. */
  static final int BRIDGEABLE_GAP = Pcm16.SAMPLES_PER_MS;
  /**
   * Width of a block: ten 20 ms frames. Wider blocks save changelog records but rewrite more
   * bytes per commit (a block is written whole); at the default 100 ms commit interval a block
   * is written about twice.
   */
  static final long BLOCK_MS = 200;
  private static final String MAX_TIME = "9999999999999";

  private final KeyValueStore<String, ChunkBlock> store;
  private final long maxChunkMs;
  /** Newest block written per channel prefix. */
  private final Map<String, Open> open = new HashMap<>();

  private record Open(String key, ChunkBlock block) {}

  AudioBuffer(KeyValueStore<String, ChunkBlock> store, long maxChunkMs) {
    this.store = store;
    this.maxChunkMs = maxChunkMs;
  }

  /**
   * The samples over a range and how many of them audio covered; {@code source} is the same audio
   * at the rate it arrived at when it all came at one rate (null otherwise).
   */
  record Coverage(short[] samples, int covered, SourceAudio source) {

    Coverage(short[] samples, int covered) {
      this(samples, covered, null);
    }

    boolean complete() {
      return covered == samples.length;
    }

    boolean missing() {
      return covered == 0;
    }
  }

  /** A contiguous run of audio. */
  record Window(long startMs, short[] samples) {}

  /** Start of the block that holds a chunk starting at {@code startMs}. */
  static long blockStart(long startMs) {
    return Math.max(0, startMs) / BLOCK_MS * BLOCK_MS;
  }

  /** The buffered chunk starting exactly at {@code startMs}, or null. */
  BufferedChunk get(String callId, int channel, long startMs) {
    try (OrderedChunks it = chunksFrom(callId, channel, blockStart(startMs), StoreKeys.audio(callId, channel, startMs))) {
      while (it.hasNext()) {
        BufferedChunk c = it.next();
        if (c.startMs() == startMs) {
          return c;
        }
        if (c.startMs() > startMs) {
          return null;
        }
      }
    }
    return null;
  }

  void put(String callId, int channel, BufferedChunk chunk) {
    String prefix = StoreKeys.channelPrefix(callId, channel);
    String key = StoreKeys.audio(callId, channel, blockStart(chunk.startMs()));
    Open newest = open.get(prefix);
    ChunkBlock block = newest != null && newest.key().equals(key) ? newest.block() : store.get(key);
    ChunkBlock updated = block == null ? ChunkBlock.of(chunk) : block.with(chunk);
    store.put(key, updated);
    if (newest == null || newest.key().compareTo(key) <= 0) {
      open.put(prefix, new Open(key, updated));
    }
  }

  /** The buffered chunk starting closest before {@code startMs}, if any. */
  Optional<BufferedChunk> previous(String callId, int channel, long startMs) {
    if (startMs <= 0) {
      return Optional.empty();
    }
    BufferedChunk best = null;
    try (KeyValueIterator<String, ChunkBlock> it = store.reverseRange(
        StoreKeys.audio(callId, channel, 0), StoreKeys.audio(callId, channel, startMs - 1))) {
      while (it.hasNext()) {
        KeyValue<String, ChunkBlock> kv = it.next();
        if (best != null && StoreKeys.audioMs(kv.key) + BLOCK_MS <= best.startMs()) {
          break; // every chunk of this block and of older ones starts before the best found
        }
        for (BufferedChunk c : kv.value.chunks()) {
          if (c.startMs() < startMs && (best == null || c.startMs() > best.startMs())) {
            best = c;
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The buffered chunk starting closest after {@code startMs}, if any. */
  Optional<BufferedChunk> next(String callId, int channel, long startMs) {
    try (OrderedChunks it = chunksFrom(callId, channel, blockStart(startMs),
        StoreKeys.channelPrefix(callId, channel) + MAX_TIME)) {
      while (it.hasNext()) {
        BufferedChunk c = it.next();
        if (c.startMs() > startMs) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The channel's 16 kHz samples over [startMs, endMs); uncovered samples are 0.
   *
   * <p>The chunks' payloads are decoded and joined on their own rate's timeline first, and the
   * window is resampled to 16 kHz as one block, so the result depends only on the samples, not on
   * how the producer cut them into chunks (resampling each chunk alone would put filter edge
   * errors at every chunk boundary, a large share of a 20 ms frame). A channel whose rate changes
   * inside the window falls back to placing each chunk's own 16 kHz conversion.
   */
  Coverage gather(String callId, int channel, long startMs, long endMs) {
    int total = (int) ((endMs - startMs) * Pcm16.SAMPLES_PER_MS);
    List<BufferedChunk> chunks = new ArrayList<>();
    try (OrderedChunks it = chunksFrom(callId, channel, blockStart(startMs - maxChunkMs),
        StoreKeys.audio(callId, channel, endMs))) {
      while (it.hasNext()) {
        BufferedChunk c = it.next();
        if (c.endSample() > startMs * Pcm16.SAMPLES_PER_MS && c.startSample() < endMs * Pcm16.SAMPLES_PER_MS) {
          chunks.add(c);
        }
      }
    }
    if (chunks.isEmpty()) {
      return new Coverage(new short[total], 0);
    }
    int rate = chunks.get(0).sampleRate();
    return chunks.stream().allMatch(c -> c.sampleRate() == rate)
        ? gatherAtRate(chunks, rate, startMs, endMs, total)
        : gatherEachAt16k(chunks, startMs, total);
  }

  private static Coverage gatherAtRate(List<BufferedChunk> chunks, int rate, long startMs, long endMs, int total) {
    long from = BufferedChunk.sourceIndex(startMs, rate);
    int length = (int) (BufferedChunk.sourceIndex(endMs, rate) - from);
    short[] source = new short[length];
    boolean[] have = new boolean[length];
    for (BufferedChunk c : chunks) {
      short[] linear = c.linear();
      long chunkStart = c.sourceStart();
      long lo = Math.max(from, chunkStart);
      long hi = Math.min(from + length, chunkStart + linear.length);
      for (long s = lo; s < hi; s++) {
        source[(int) (s - from)] = linear[(int) (s - chunkStart)];
        have[(int) (s - from)] = true;
      }
    }
    int covered = bridgeGaps(source, have, Math.max(1, rate / 1000));
    SourceAudio asReceived = new SourceAudio(rate, source, total);
    return new Coverage(asReceived.to16k(), covered == length ? total : (int) ((long) covered * total / Math.max(1, length)),
        asReceived);
  }

  private static Coverage gatherEachAt16k(List<BufferedChunk> chunks, long startMs, int total) {
    long from = startMs * Pcm16.SAMPLES_PER_MS;
    short[] out = new short[total];
    boolean[] have = new boolean[total];
    for (BufferedChunk c : chunks) {
      short[] samples = Resampler.to16k(c.sampleRate()).process(c.linear());
      long lo = Math.max(from, c.startSample());
      long hi = Math.min(from + total, c.startSample() + samples.length);
      for (long s = lo; s < hi; s++) {
        out[(int) (s - from)] = samples[(int) (s - c.startSample())];
        have[(int) (s - from)] = true;
      }
    }
    return new Coverage(out, bridgeGaps(out, have, BRIDGEABLE_GAP));
  }

  /**
   * Contiguous audio from {@code fromMs}: skips a leading gap, stops at the next gap or at
   * a chunk received after {@code receivedNoLaterThanWallMs}.
   */
  Window contiguous(String callId, int channel, long fromMs, long receivedNoLaterThanWallMs) {
    long start = -1;
    long end = -1;
    try (OrderedChunks it = chunksFrom(callId, channel, blockStart(fromMs - maxChunkMs),
        StoreKeys.channelPrefix(callId, channel) + MAX_TIME)) {
      while (it.hasNext()) {
        BufferedChunk c = it.next();
        if (c.endMsFloor() <= fromMs) {
          continue;
        }
        if (c.receivedWallMs() > receivedNoLaterThanWallMs) {
          break;
        }
        if (start < 0) {
          start = Math.max(fromMs, c.startMs());
        } else if (c.startMs() > end + 1) { // more than a bridgeable rounding gap
          break;
        }
        end = Math.max(end, c.endMsFloor());
      }
    }
    if (start < 0 || end <= start) {
      return new Window(fromMs, new short[0]);
    }
    return new Window(start, gather(callId, channel, start, end).samples());
  }

  /**
   * Deletes the channel's chunks that end at or before {@code cutoffMs}; returns how many.
   * The scan starts at the previous cutoff (less one chunk length), because everything
   * older is gone already and scanning it again would wade through the store's tombstones.
   * A block that keeps some chunks is rewritten with those.
   */
  int evictBefore(String callId, int channel, long previousCutoffMs, long cutoffMs) {
    if (cutoffMs <= 0) {
      return 0;
    }
    long cutoffSample = cutoffMs * Pcm16.SAMPLES_PER_MS;
    Map<String, ChunkBlock> changed = new LinkedHashMap<>(); // null value: delete
    int evicted = 0;
    try (KeyValueIterator<String, ChunkBlock> it = store.range(
        StoreKeys.audio(callId, channel, blockStart(previousCutoffMs - maxChunkMs)),
        StoreKeys.audio(callId, channel, cutoffMs - 1))) {
      while (it.hasNext()) {
        KeyValue<String, ChunkBlock> kv = it.next();
        List<BufferedChunk> kept = new ArrayList<>();
        for (BufferedChunk c : kv.value.chunks()) {
          if (c.endSample() > cutoffSample) {
            kept.add(c);
          }
        }
        int gone = kv.value.chunks().size() - kept.size();
        if (gone > 0) {
          evicted += gone;
          changed.put(kv.key, kept.isEmpty() ? null : new ChunkBlock(kept));
        }
      }
    }
    String prefix = StoreKeys.channelPrefix(callId, channel);
    changed.forEach((key, block) -> {
      store.put(key, block); // null deletes without reading back and deserialising the old block
      Open newest = open.get(prefix);
      if (newest != null && newest.key().equals(key)) {
        if (block == null) {
          open.remove(prefix);
        } else {
          open.put(prefix, new Open(key, block));
        }
      }
    });
    return evicted;
  }

  /** Deletes every chunk of a call. */
  void clear(String callId) {
    List<String> doomed = new ArrayList<>();
    String prefix = StoreKeys.callPrefix(callId);
    try (KeyValueIterator<String, ChunkBlock> it = store.prefixScan(prefix, Serdes.String().serializer())) {
      it.forEachRemaining(kv -> doomed.add(kv.key));
    }
    doomed.forEach(key -> store.put(key, null));
    open.keySet().removeIf(channelPrefix -> channelPrefix.startsWith(prefix));
  }

  /** The chunks of blocks keyed from {@code fromBlockMs} up to {@code toKey} (inclusive), in start order. */
  private OrderedChunks chunksFrom(String callId, int channel, long fromBlockMs, String toKey) {
    return new OrderedChunks(store.range(StoreKeys.audio(callId, channel, fromBlockMs), toKey));
  }

  /**
   * Chunks of consecutive blocks in start order. Blocks come in key order and a block's chunks
   * never start before its key, so a chunk is handed out once the next block's key is past it;
   * only an entry written before blocks existed (keyed by its chunk's start, inside a newer
   * block's span) can interleave with a block, and this order covers it too.
   */
  private static final class OrderedChunks implements Iterator<BufferedChunk>, AutoCloseable {
    private final KeyValueIterator<String, ChunkBlock> blocks;
    private final PriorityQueue<BufferedChunk> waiting =
        new PriorityQueue<>(Comparator.comparingLong(BufferedChunk::startMs));

    OrderedChunks(KeyValueIterator<String, ChunkBlock> blocks) {
      this.blocks = blocks;
    }

    @Override
    public boolean hasNext() {
      fill();
      return !waiting.isEmpty();
    }

    @Override
    public BufferedChunk next() {
      fill();
      if (waiting.isEmpty()) {
        throw new NoSuchElementException();
      }
      return waiting.poll();
    }

    private void fill() {
      while (blocks.hasNext()
          && (waiting.isEmpty() || StoreKeys.audioMs(blocks.peekNextKey()) <= waiting.peek().startMs())) {
        waiting.addAll(blocks.next().value.chunks());
      }
    }

    @Override
    public void close() {
      blocks.close();
    }
  }

  /** Counts gaps of at most {@code maxGap} samples between covered samples as covered,
   * filling them by linear interpolation; returns the covered count. */
  private static int bridgeGaps(short[] out, boolean[] have, int maxGap) {
    int covered = 0;
    int i = 0;
    while (i < have.length) {
      if (have[i]) {
        covered++;
        i++;
        continue;
      }
      int j = i;
      while (j < have.length && !have[j]) {
        j++;
      }
      if (i > 0 && j < have.length && j - i <= maxGap) {
        for (int k = i; k < j; k++) {
          double t = (double) (k - i + 1) / (j - i + 1);
          out[k] = (short) Math.round(out[i - 1] + t * (out[j] - out[i - 1]));
        }
        covered += j - i;
      }
      i = j;
    }
    return covered;
  }
}
