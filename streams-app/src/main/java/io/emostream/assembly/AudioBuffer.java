package io.emostream.assembly;

import io.emostream.audio.Pcm16;
import io.emostream.model.audio.Resampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The assembler's audio store seen as one 16 kHz timeline per call and channel: chunks, as
 * received, keyed by start time, read by range scans when an utterance is cut, evicted from the
 * old end.
 */
final class AudioBuffer {

  /** Interior gaps up to this many samples (1 ms) are bridged: they come from rounding
   * chunk times of 11.025/22.05/44.1 kHz audio to whole milliseconds, not from loss. */
  static final int BRIDGEABLE_GAP = Pcm16.SAMPLES_PER_MS;
  private static final String MAX_TIME = "9999999999999";

  private final KeyValueStore<String, BufferedChunk> store;
  private final long maxChunkMs;

  AudioBuffer(KeyValueStore<String, BufferedChunk> store, long maxChunkMs) {
    this.store = store;
    this.maxChunkMs = maxChunkMs;
  }

  /** The samples over a range and how many of them audio covered. */
  record Coverage(short[] samples, int covered) {
    boolean complete() {
      return covered == samples.length;
    }

    boolean missing() {
      return covered == 0;
    }
  }

  /** A contiguous run of audio. */
  record Window(long startMs, short[] samples) {}

  BufferedChunk get(String callId, int channel, long startMs) {
    return store.get(StoreKeys.audio(callId, channel, startMs));
  }

  void put(String callId, int channel, BufferedChunk chunk) {
    store.put(StoreKeys.audio(callId, channel, chunk.startMs()), chunk);
  }

  /** The buffered chunk starting closest before {@code startMs}, if any. */
  Optional<BufferedChunk> previous(String callId, int channel, long startMs) {
    if (startMs <= 0) {
      return Optional.empty();
    }
    try (KeyValueIterator<String, BufferedChunk> it = store.reverseRange(
        StoreKeys.audio(callId, channel, 0), StoreKeys.audio(callId, channel, startMs - 1))) {
      return it.hasNext() ? Optional.of(it.next().value) : Optional.empty();
    }
  }

  /** The buffered chunk starting closest after {@code startMs}, if any. */
  Optional<BufferedChunk> next(String callId, int channel, long startMs) {
    try (KeyValueIterator<String, BufferedChunk> it = store.range(
        StoreKeys.audio(callId, channel, startMs + 1), StoreKeys.channelPrefix(callId, channel) + MAX_TIME)) {
      return it.hasNext() ? Optional.of(it.next().value) : Optional.empty();
    }
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
    try (KeyValueIterator<String, BufferedChunk> it = store.range(
        StoreKeys.audio(callId, channel, startMs - maxChunkMs), StoreKeys.audio(callId, channel, endMs))) {
      while (it.hasNext()) {
        BufferedChunk c = it.next().value;
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
    short[] resampled = Resampler.to16k(rate).process(source);
    short[] out = resampled.length == total ? resampled : Arrays.copyOf(resampled, total);
    return new Coverage(out, covered == length ? total : (int) ((long) covered * total / Math.max(1, length)));
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
    try (KeyValueIterator<String, BufferedChunk> it = store.range(
        StoreKeys.audio(callId, channel, fromMs - maxChunkMs), StoreKeys.channelPrefix(callId, channel) + MAX_TIME)) {
      while (it.hasNext()) {
        BufferedChunk c = it.next().value;
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
   */
  int evictBefore(String callId, int channel, long previousCutoffMs, long cutoffMs) {
    if (cutoffMs <= 0) {
      return 0;
    }
    List<String> doomed = new ArrayList<>();
    try (KeyValueIterator<String, BufferedChunk> it = store.range(
        StoreKeys.audio(callId, channel, previousCutoffMs - maxChunkMs), StoreKeys.audio(callId, channel, cutoffMs - 1))) {
      while (it.hasNext()) {
        KeyValue<String, BufferedChunk> kv = it.next();
        if (kv.value.endSample() <= cutoffMs * Pcm16.SAMPLES_PER_MS) {
          doomed.add(kv.key);
        }
      }
    }
    doomed.forEach(store::delete);
    return doomed.size();
  }

  /** Deletes every chunk of a call. */
  void clear(String callId) {
    List<String> doomed = new ArrayList<>();
    try (KeyValueIterator<String, BufferedChunk> it =
             store.prefixScan(StoreKeys.callPrefix(callId), Serdes.String().serializer())) {
      it.forEachRemaining(kv -> doomed.add(kv.key));
    }
    doomed.forEach(store::delete);
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
