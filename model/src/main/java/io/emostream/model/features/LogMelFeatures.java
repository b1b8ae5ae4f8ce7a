package io.emostream.model.features;

/**
 * Log-mel features of one utterance, row-major: frame {@code t}, bin {@code b} is
 * {@code values[t * bins + b]}.
 *
 * @param frames number of frames, at least 1
 * @param bins   mel bins per frame
 * @param values {@code frames * bins} values; not copied, treat as read-only
 */
public record LogMelFeatures(int frames, int bins, float[] values) {

  public LogMelFeatures {
    if (values.length != frames * bins) {
      throw new IllegalArgumentException(frames + " x " + bins + " features but " + values.length + " values");
    }
  }

  /** Value at frame {@code t}, bin {@code b}. */
  public float get(int t, int b) {
    return values[t * bins + b];
  }
}
