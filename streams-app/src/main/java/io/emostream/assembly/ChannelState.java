package io.emostream.assembly;

/**
 * Per call and channel bookkeeping of the assembler.
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
 */
record ChannelState(long audioEndMs, long evictedBeforeMs, long lastTranscriptWallMs, long firstAudioWallMs,
                    long vadCursorMs, double noiseFloorDb, long lastChunkTimestamp) {

  static ChannelState empty() {
    return new ChannelState(0, 0, -1, -1, 0, Double.NaN, 0);
  }

  ChannelState withAudio(long endMs, long wallMs, long timestamp) {
    return new ChannelState(Math.max(audioEndMs, endMs), evictedBeforeMs, lastTranscriptWallMs,
        firstAudioWallMs < 0 ? wallMs : firstAudioWallMs, vadCursorMs, noiseFloorDb,
        Math.max(lastChunkTimestamp, timestamp));
  }

  ChannelState withTranscript(long wallMs, long finalEndMs) {
    return new ChannelState(audioEndMs, evictedBeforeMs, wallMs, firstAudioWallMs,
        Math.max(vadCursorMs, finalEndMs), noiseFloorDb, lastChunkTimestamp);
  }

  ChannelState withEvictedBefore(long cutoffMs) {
    return new ChannelState(audioEndMs, Math.max(evictedBeforeMs, cutoffMs), lastTranscriptWallMs,
        firstAudioWallMs, Math.max(vadCursorMs, cutoffMs), noiseFloorDb, lastChunkTimestamp);
  }

  ChannelState withVad(long cursorMs, double floorDb) {
    return new ChannelState(audioEndMs, evictedBeforeMs, lastTranscriptWallMs, firstAudioWallMs,
        Math.max(vadCursorMs, cursorMs), floorDb, lastChunkTimestamp);
  }

  /** Wall-clock time since which no transcript arrived for the channel (or audio began). */
  long transcriptsQuietSinceWallMs() {
    return Math.max(lastTranscriptWallMs, firstAudioWallMs);
  }
}
