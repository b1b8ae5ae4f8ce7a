package io.emostream.model.training;

/**
 * Changes the speaking rate of 16 kHz speech without changing its pitch, by waveform-similarity
 * overlap-add (WSOLA, Verhelst and Roelands 1993): 20 ms Hann frames are laid down every 10 ms of
 * output, each taken from near where the tempo says it should come from, at the offset whose
 * waveform best continues the previous frame, so periods line up and no pitch artefact appears.
 * {@link SpeedPerturbation} moves rate and pitch together; this moves the rate alone.
 */
final class TempoStretch {

  private static final int FRAME = 320;
  private static final int HOP = FRAME / 2;
  /** How far (samples, 3 ms) a frame may move from its nominal place to match the waveform. */
  private static final int TOLERANCE = 48;
  private static final float[] WINDOW = hann(FRAME);

  private TempoStretch() {}

  /** {@code audio} spoken {@code tempo} times as fast (1 / tempo as long), same pitch. */
  static float[] apply(float[] audio, double tempo) {
    if (!(tempo > 0.5 && tempo < 2.0)) {
      throw new IllegalArgumentException("tempo factor must be in (0.5, 2), got " + tempo);
    }
    int length = (int) (audio.length / tempo);
    if (audio.length < 2 * FRAME) {
      return SpeedPerturbation.apply(audio, tempo);
    }
    float[] out = new float[length + FRAME];
    float[] weight = new float[length + FRAME];
    int previous = -1;
    for (int k = 0; k * HOP < length; k++) {
      int nominal = (int) Math.round(k * HOP * tempo);
      int from = previous < 0 ? nominal : bestMatch(audio, nominal, previous + HOP);
      from = Math.max(0, Math.min(from, audio.length - FRAME));
      for (int i = 0; i < FRAME; i++) {
        out[k * HOP + i] += audio[from + i] * WINDOW[i];
        weight[k * HOP + i] += WINDOW[i];
      }
      previous = from;
    }
    float[] result = new float[length];
    for (int i = 0; i < length; i++) {
      result[i] = weight[i] > 1e-3f ? out[i] / weight[i] : 0f;
    }
    return result;
  }

  /** The start near {@code nominal} whose frame best correlates with the one at {@code natural}. */
  private static int bestMatch(float[] audio, int nominal, int natural) {
    if (natural + FRAME > audio.length) {
      return nominal;
    }
    int best = nominal;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int d = -TOLERANCE; d <= TOLERANCE; d++) {
      int start = nominal + d;
      if (start < 0 || start + FRAME > audio.length) {
        continue;
      }
      double score = 0;
      for (int i = 0; i < FRAME; i += 2) {
        score += audio[start + i] * audio[natural + i];
      }
      if (score > bestScore) {
        bestScore = score;
        best = start;
      }
    }
    return best;
  }

  private static float[] hann(int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
    }
    return w;
  }
}
