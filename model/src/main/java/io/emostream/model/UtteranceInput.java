package io.emostream.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One utterance to score: its audio, its text, or both.
 *
 * <p>Audio is 16 kHz mono, one float per sample in [-1, 1] (signed 16-bit PCM divided by
 * 32768); decoding and resampling happen before the model. Either part may be absent
 * ({@code null}), never both. The arrays are not copied: callers must not change them after
 * handing them over.
 *
 * @param id    caller's identifier, echoed in errors; not used by the model
 * @param audio 16 kHz mono samples, or {@code null} when the utterance has no audio
 * @param text  transcript, or {@code null} when the utterance has no text
 */
public record UtteranceInput(String id, float[] audio, String text) {

  public UtteranceInput {
    Objects.requireNonNull(id, "id");
    if (audio != null && audio.length == 0) {
      audio = null;
    }
    if (text != null && text.isBlank()) {
      text = null;
    }
    if (audio == null && text == null) {
      throw new IllegalArgumentException("utterance " + id + " has neither audio nor text");
    }
  }

  /** The modalities this input carries. */
  public Set<Modality> modalities() {
    Set<Modality> present = EnumSet.noneOf(Modality.class);
    if (audio != null) {
      present.add(Modality.AUDIO);
    }
    if (text != null) {
      present.add(Modality.TEXT);
    }
    return present;
  }

  /** Length of the audio in seconds at 16 kHz, 0 without audio. */
  public double audioSeconds() {
    return audio == null ? 0.0 : audio.length / 16_000.0;
  }
}
