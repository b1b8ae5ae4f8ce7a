package io.emostream.assembly;

/**
 * A final transcript in the assembler's store: waiting for its audio, or (with
 * {@code emittedWallMs >= 0}) already emitted and kept only so that a redelivered copy
 * is recognised as a duplicate.
 *
 * @param utteranceId    the transcript's utterance id
 * @param channel        its channel
 * @param startMs        start of its range
 * @param endMs          end of its range (exclusive)
 * @param text           the final text (empty once emitted, to keep the marker small)
 * @param confidence     ASR confidence, or null
 * @param timestamp      the transcript record's timestamp
 * @param receivedWallMs wall-clock time it arrived (max-wait counts from here)
 * @param emittedWallMs  wall-clock time it was emitted, or -1 while pending
 */
record PendingTranscript(String utteranceId, int channel, long startMs, long endMs, String text,
                         Float confidence, long timestamp, long receivedWallMs, long emittedWallMs) {

  boolean emitted() {
    return emittedWallMs >= 0;
  }

  PendingTranscript markEmitted(long wallMs) {
    return new PendingTranscript(utteranceId, channel, startMs, endMs, "", null, timestamp, receivedWallMs, wallMs);
  }
}
