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
 * <p>The audio may also be {@linkplain #deferred(String, DeferredAudio, String) deferred}: given
 * as a length and a way to compute it, so that the model's preparer threads resample it rather
 * than the caller's thread. {@link #audio()} then computes it on first use; code that only needs
 * to know whether there is audio, or how long it is, asks {@link #hasAudio()} and
 * {@link #audioLength()}, which never compute it.
 *
 * @param id       caller's identifier, echoed in errors; not used by the model
 * @param audio    16 kHz mono samples, or {@code null} when the utterance has no audio or it is deferred
 * @param text     transcript, or {@code null} when the utterance has no text
 * @param deferred the audio to compute on first use, or {@code null}; never together with {@code audio}
 */
public record UtteranceInput(String id, float[] audio, String text, DeferredAudio deferred) {

  public UtteranceInput {
    Objects.requireNonNull(id, "id");
    if (audio != null && audio.length == 0) {
      audio = null;
    }
    if (audio != null && deferred != null) {
      throw new IllegalArgumentException("utterance " + id + " has both audio and deferred audio; give one");
    }
    if (text != null && text.isBlank()) {
      text = null;
    }
    if (audio == null && deferred == null && text == null) {
      throw new IllegalArgumentException("utterance " + id + " has neither audio nor text");
    }
  }

  /** An utterance with its audio at hand (or none). */
  public UtteranceInput(String id, float[] audio, String text) {
    this(id, audio, text, null);
  }

  /** An utterance whose audio is computed when the model first needs it. */
  public static UtteranceInput deferred(String id, DeferredAudio audio, String text) {
    return new UtteranceInput(id, null, text, Objects.requireNonNull(audio, "audio"));
  }

  /** The 16 kHz samples, computing deferred audio on first use; {@code null} without audio. */
  @Override
  public float[] audio() {
    return audio != null ? audio : deferred == null ? null : deferred.samples();
  }

  /** Whether the utterance has audio; never computes deferred audio. */
  public boolean hasAudio() {
    return audio != null || deferred != null;
  }

  /** Number of 16 kHz samples, 0 without audio; never computes deferred audio. */
  public int audioLength() {
    return audio != null ? audio.length : deferred == null ? 0 : deferred.length();
  }

  /** The modalities this input carries. */
  public Set<Modality> modalities() {
    Set<Modality> present = EnumSet.noneOf(Modality.class);
    if (hasAudio()) {
      present.add(Modality.AUDIO);
    }
    if (text != null) {
      present.add(Modality.TEXT);
    }
    return present;
  }

  /** Length of the audio in seconds at 16 kHz, 0 without audio. */
  public double audioSeconds() {
    return audioLength() / 16_000.0;
  }
}
