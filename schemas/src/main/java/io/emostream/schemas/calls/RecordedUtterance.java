package io.emostream.schemas.calls;

import java.util.Objects;

/**
 * One utterance of a recorded call's transcript.
 *
 * @param utteranceId unique within the call; never null
 * @param channel the WAV channel it was spoken on
 * @param startMs start, in ms from the start of the WAV
 * @param endMs end, in ms from the start of the WAV; not before {@code startMs}
 * @param text what was said; never null
 * @param confidence ASR confidence in [0, 1], or null when the recording has none
 * @param label optional ground-truth emotion label (for demos and evaluation, never sent to
 *     Kafka), or null
 */
public record RecordedUtterance(String utteranceId, int channel, long startMs, long endMs,
    String text, Float confidence, String label) {
  public RecordedUtterance {
    Objects.requireNonNull(utteranceId, "utteranceId");
    Objects.requireNonNull(text, "text");
  }
}
