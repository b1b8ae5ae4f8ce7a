package io.emostream.assembly;

/**
 * Per call and channel bookkeeping of the assembler. Besides times, it summarises the newest
 * chunk and the transcripts waiting for audio, so that an in-order audio frame is handled without
 * reading the audio or pending stores (O(1) per frame).
 *
 * @param audioEndMs          end of the newest buffered audio (ms), or 0
 * @param evictedBeforeMs     audio ending at or before this time has been evicted; later
 *                            chunks for it are too late
 * @param lastTranscriptWallMs wall-clock time of the channel's latest transcript (final or
 *                            partial), or -1 if none
 * @param firstAudioWallMs    wall-clock time of the channel's first buffered chunk, or -1
 * @param vadCursorMs         the voice-activity segmenter continues from here
 * @param noiseFloorDb        the segmenter's noise floor, or NaN before its first pass
 * @param lastChunkTimestamp  record timestamp of the newest chunk (timestamp of audio-only
 *                            utterances)
 * @param lastStartMs         start of the newest buffered chunk, {@link #NONE} before the first,
 *                            {@link #UNKNOWN} when restored from a store that did not record it
 * @param lastSequence        sequence number of that chunk
 * @param runStartMs          start of the gap-free audio that ends at {@code audioEndMs}
 * @param waitingCount        final transcripts of the channel still waiting for audio
 * @param waitingMinStartMs   earliest start among them (eviction keeps their audio)
 * @param waitingMinEndMs     earliest end among those that in-order audio can still complete;
 *                            {@link Long#MAX_VALUE} when none
 */
record ChannelState(long audioEndMs, long evictedBeforeMs, long lastTranscriptWallMs, long firstAudioWallMs,
                    long vadCursorMs, double noiseFloorDb, long lastChunkTimestamp, long lastStartMs,
                    long lastSequence, long runStartMs, int waitingCount, long waitingMinStartMs,
                    long waitingMinEndMs) {

  static final long NONE = -1;
  static final long UNKNOWN = -2;

  static ChannelState empty() {
    return new ChannelState(0, 0, -1, -1, 0, Double.NaN, 0, NONE, -1, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** Whether a chunk starting at {@code startMs} is newer than every buffered one (the common case). */
  boolean inOrder(long startMs) {
    return lastStartMs == NONE || (lastStartMs >= 0 && startMs > lastStartMs);
  }

  /** After buffering {@code chunk}; the newest-chunk fields move only when it is the newest. */
  ChannelState withAudio(BufferedChunk chunk, long wallMs, long timestamp) {
    boolean newest = inOrder(chunk.startMs()) || (lastStartMs == UNKNOWN && chunk.endMs() >= audioEndMs);
    long run = runStartMs;
    if (newest) {
      run = lastStartMs == NONE || chunk.startMs() > audioEndMs + 1 ? chunk.startMs() : runStartMs;
    }
    return new ChannelState(Math.max(audioEndMs, chunk.endMs()), evictedBeforeMs, lastTranscriptWallMs,
        firstAudioWallMs < 0 ? wallMs : firstAudioWallMs, vadCursorMs, noiseFloorDb,
        Math.max(lastChunkTimestamp, timestamp), newest ? chunk.startMs() : lastStartMs,
        newest ? chunk.sequence() : lastSequence, run, waitingCount, waitingMinStartMs, waitingMinEndMs);
  }

  /** Whether gap-free in-order audio covers [startMs, endMs). */
  boolean runCovers(long startMs, long endMs) {
    return lastStartMs != NONE && runStartMs <= startMs && audioEndMs >= endMs;
  }

  /** Whether buffered audio may now complete a waiting transcript, so the pending store is worth a look. */
  boolean mayCompleteWaiting() {
    return waitingCount > 0 && audioEndMs >= waitingMinEndMs;
  }

  ChannelState withWaiting(int count, long minStartMs, long minEndMs) {
    return new ChannelState(audioEndMs, evictedBeforeMs, lastTranscriptWallMs, firstAudioWallMs, vadCursorMs,
        noiseFloorDb, lastChunkTimestamp, lastStartMs, lastSequence, runStartMs, count, minStartMs, minEndMs);
  }

  ChannelState withTranscript(long wallMs, long finalEndMs) {
    return new ChannelState(audioEndMs, evictedBeforeMs, wallMs, firstAudioWallMs,
        Math.max(vadCursorMs, finalEndMs), noiseFloorDb, lastChunkTimestamp, lastStartMs, lastSequence, runStartMs,
        waitingCount, waitingMinStartMs, waitingMinEndMs);
  }

  ChannelState withEvictedBefore(long cutoffMs) {
    return new ChannelState(audioEndMs, Math.max(evictedBeforeMs, cutoffMs), lastTranscriptWallMs,
        firstAudioWallMs, Math.max(vadCursorMs, cutoffMs), noiseFloorDb, lastChunkTimestamp, lastStartMs,
        lastSequence, Math.max(runStartMs, cutoffMs), waitingCount, waitingMinStartMs, waitingMinEndMs);
  }

  ChannelState withVad(long cursorMs, double floorDb) {
    return new ChannelState(audioEndMs, evictedBeforeMs, lastTranscriptWallMs, firstAudioWallMs,
        Math.max(vadCursorMs, cursorMs), floorDb, lastChunkTimestamp, lastStartMs, lastSequence, runStartMs,
        waitingCount, waitingMinStartMs, waitingMinEndMs);
  }

  /** Wall-clock time since which no transcript arrived for the channel (or audio began). */
  long transcriptsQuietSinceWallMs() {
    return Math.max(lastTranscriptWallMs, firstAudioWallMs);
  }
}
