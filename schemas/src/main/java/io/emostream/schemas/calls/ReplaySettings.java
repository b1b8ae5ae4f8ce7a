package io.emostream.schemas.calls;

/**
 * How a recording is cut into records.
 *
 * @param chunkMs audio per {@code AudioChunk}, 10 to 10000 ms (the contract's maximum chunk is
 *     10 s)
 * @param transcriptDelayMs how long after an utterance's end its final transcript is due,
 *     0 or more (streaming ASR finalises a little after the speaker stops)
 */
public record ReplaySettings(int chunkMs, int transcriptDelayMs) {
  /** Default audio chunk length. */
  public static final int DEFAULT_CHUNK_MS = 200;
  /** Default ASR finalisation delay. */
  public static final int DEFAULT_TRANSCRIPT_DELAY_MS = 300;

  public ReplaySettings {
    if (chunkMs < 10 || chunkMs > 10_000) {
      throw new IllegalArgumentException("chunkMs must be 10 to 10000, was " + chunkMs);
    }
    if (transcriptDelayMs < 0) {
      throw new IllegalArgumentException("transcriptDelayMs must be >= 0, was "
          + transcriptDelayMs);
    }
  }

  /** 200 ms chunks, transcripts 300 ms after each utterance. */
  public static ReplaySettings defaults() {
    return new ReplaySettings(DEFAULT_CHUNK_MS, DEFAULT_TRANSCRIPT_DELAY_MS);
  }
}
