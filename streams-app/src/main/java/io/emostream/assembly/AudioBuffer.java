package io.emostream.assembly;

import io.emostream.audio.Pcm16;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The assembler's audio store seen as one 16 kHz timeline per call and channel: chunks
 * keyed by start time, read by range scans, evicted from the old end.
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

  /** The channel's samples over [startMs, endMs); uncovered samples are 0. */
  Coverage gather(String callId, int channel, long startMs, long endMs) {
    long from = startMs * Pcm16.SAMPLES_PER_MS;
    int total = (int) ((endMs - startMs) * Pcm16.SAMPLES_PER_MS);
    short[] out = new short[total];
    boolean[] have = new boolean[total];
    try (KeyValueIterator<String, BufferedChunk> it = store.range(
        StoreKeys.audio(callId, channel, startMs - maxChunkMs), StoreKeys.audio(callId, channel, endMs))) {
      while (it.hasNext()) {
        BufferedChunk c = it.next().value;
        long lo = Math.max(from, c.startSample());
        long hi = Math.min(from + total, c.endSample());
        for (long s = lo; s < hi; s++) {
          out[(int) (s - from)] = c.samples()[(int) (s - c.startSample())];
          have[(int) (s - from)] = true;
        }
      }
    }
    return new Coverage(out, bridgeGaps(out, have));
  }

  /**
   * Contiguous audio from {@code fromMs}: skips a leading gap, stops at the next gap or at
   * a chunk received after {@code receivedNoLaterThanWallMs}.
   */
  Window contiguous(String callId, int channel, long fromMs, long receivedNoLaterThanWallMs) {
    long pos = fromMs * Pcm16.SAMPLES_PER_MS;
    long windowStart = -1;
    List<short[]> parts = new ArrayList<>();
    int length = 0;
    try (KeyValueIterator<String, BufferedChunk> it = store.range(
        StoreKeys.audio(callId, channel, fromMs - maxChunkMs), StoreKeys.channelPrefix(callId, channel) + MAX_TIME)) {
      while (it.hasNext()) {
        BufferedChunk c = it.next().value;
        if (c.endSample() <= pos) {
          continue;
        }
        if (c.receivedWallMs() > receivedNoLaterThanWallMs) {
          break;
        }
        if (c.startSample() > pos + BRIDGEABLE_GAP) {
          if (windowStart >= 0) {
            break;
          }
          pos = ((c.startSample() + Pcm16.SAMPLES_PER_MS - 1) / Pcm16.SAMPLES_PER_MS) * Pcm16.SAMPLES_PER_MS;
        }
        if (windowStart < 0) {
          windowStart = pos;
        }
        if (c.startSample() > pos) { // a bridged rounding gap: hold silence for those samples
          parts.add(new short[(int) (c.startSample() - pos)]);
          length += (int) (c.startSample() - pos);
          pos = c.startSample();
        }
        int offset = (int) (pos - c.startSample());
        short[] part = java.util.Arrays.copyOfRange(c.samples(), offset, c.samples().length);
        parts.add(part);
        length += part.length;
        pos = c.endSample();
      }
    }
    short[] samples = new short[length];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, samples, at, p.length);
      at += p.length;
    }
    long startMs = windowStart < 0 ? fromMs : windowStart / Pcm16.SAMPLES_PER_MS;
    return new Window(startMs, samples);
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

  /** Counts gaps of at most {@link #BRIDGEABLE_GAP} samples between covered samples as
   * covered, filling them by linear interpolation; returns the covered count. */
  private static int bridgeGaps(short[] out, boolean[] have) {
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
      if (i > 0 && j < have.length && j - i <= BRIDGEABLE_GAP) {
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
