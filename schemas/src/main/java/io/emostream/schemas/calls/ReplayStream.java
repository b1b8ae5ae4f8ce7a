package io.emostream.schemas.calls;

/** Which input stream a replayed record belongs on (calls.events, calls.audio, calls.transcripts). */
public enum ReplayStream {
  /** {@code CallEvent}s: CALL_STARTED and CALL_ENDED. */
  EVENTS,
  /** {@code AudioChunk}s. */
  AUDIO,
  /** {@code TranscriptSegment}s. */
  TRANSCRIPTS
}
