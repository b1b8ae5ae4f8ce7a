package io.emostream.model.training;

/**
 * Moves the pitch of 16 kHz speech by whole semitones and keeps its duration: played faster by
 * resampling ({@link SpeedPerturbation}, pitch and rate up together), then slowed back to its
 * length by {@link TempoStretch} (rate alone). Used on the real calm speech the voice head learns
 * NEUTRAL from: its recordings are mostly men near 100-120 Hz, and 2.0.0's voice path took a
 * calm voice near 200 Hz, or one shifted up 3 semitones, for anger (docs/model-card.md, 2.1.0).
 */
final class PitchShift {

  private PitchShift() {}

  /** {@code audio} with its pitch moved {@code semitones} (-11 to 11; 0 returns it unchanged). */
  static float[] apply(float[] audio, int semitones) {
    if (semitones < -11 || semitones > 11) {
      throw new IllegalArgumentException("pitch shift must be -11 to 11 semitones (--calm-speech-pitch-shifts), got "
          + semitones);
    }
    if (semitones == 0) {
      return audio;
    }
    // rounded to 1 %, so the resampling is between two nearby round rates (e.g. 19 040 to 16 000 Hz)
    double ratio = Math.round(100 * Math.pow(2, semitones / 12.0)) / 100.0;
    return TempoStretch.apply(SpeedPerturbation.apply(audio, ratio), 1 / ratio);
  }
}
