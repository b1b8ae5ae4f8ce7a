package io.emostream.model.corpus;

import java.util.Random;

/**
 * Draws an emotion's prosody for a speaker. The four emotions differ in the ways acted speech
 * does (angry: high pitch, fast, very loud, rough, bright (tense); happy: highest, widest pitch, brisk, clean; sad:
 * low, narrow, slow, quiet, breathy, long pauses; neutral: mid and steady), and every parameter is
 * drawn from a range so that utterances of one emotion vary and neighbouring emotions overlap a
 * little: a model has to learn the cues, not a constant.
 */
public final class ProsodySampler {

  /** espeak-ng's default rate in words per minute. */
  static final int BASE_RATE_WPM = 170;

  private ProsodySampler() {}

  /**
   * Ranges of one emotion; each factor multiplies the speaker's own value. Amplitudes stay at or
   * below espeak's default of 100 because louder settings clip inside espeak-ng (angry speech at
   * 150+ was saturated in most files, a trivial and ugly cue).
   */
  record Style(double[] pitch, double[] span, double[] rate, int[] amplitude, int[] wordGapMs, int[] pauseMs,
      int[] roughness, int[] flutter, int[] breath, int[] voicing, int[] consonants, int[] brightness) {}

  static Style style(Emotion emotion) {
    return switch (emotion) {
      case NEUTRAL -> new Style(r(0.95, 1.05), r(0.75, 1.2), r(0.92, 1.06), i(42, 55), i(0, 10), i(150, 320),
          i(0, 2), i(2, 8), i(0, 4), i(95, 105), i(95, 105), i(90, 110));
      case HAPPY -> new Style(r(1.15, 1.35), r(1.8, 2.6), r(1.0, 1.12), i(52, 65), i(0, 0), i(80, 200),
          i(0, 2), i(2, 8), i(0, 4), i(100, 115), i(100, 110), i(105, 130));
      case ANGRY -> new Style(r(1.08, 1.3), r(1.3, 2.0), r(1.15, 1.32), i(72, 92), i(0, 0), i(30, 120),
          i(5, 7), i(12, 25), i(0, 4), i(110, 130), i(120, 140), i(140, 180));
      case SAD -> new Style(r(0.74, 0.9), r(0.25, 0.55), r(0.66, 0.84), i(22, 38), i(20, 60), i(400, 900),
          i(0, 2), i(4, 12), i(25, 50), i(60, 85), i(80, 95), i(55, 80));
    };
  }

  /** The prosody of one utterance by {@code speaker} with a voice that expresses {@code emotion}. */
  public static Prosody sample(Emotion emotion, Speaker speaker, Random random) {
    Style s = style(emotion);
    BaseVariant v = speaker.variant();
    double low = v.pitchLowHz() * speaker.pitchScale() * draw(s.pitch(), random);
    double span = Math.max(4, v.pitchHighHz() - v.pitchLowHz()) * draw(s.span(), random);
    int rate = (int) Math.round(BASE_RATE_WPM * speaker.rateScale() * draw(s.rate(), random));
    int gap = draw(s.wordGapMs(), random) / 10 * 10;
    return new Prosody((int) Math.round(low), (int) Math.round(low + span), rate, draw(s.amplitude(), random), gap,
        draw(s.pauseMs(), random), draw(s.roughness(), random), draw(s.flutter(), random), draw(s.breath(), random),
        draw(s.voicing(), random), draw(s.consonants(), random), draw(s.brightness(), random),
        Math.round((-62 + 14 * random.nextDouble()) * 10) / 10.0);
  }

  private static double draw(double[] range, Random random) {
    return range[0] + (range[1] - range[0]) * random.nextDouble();
  }

  private static int draw(int[] range, Random random) {
    return range[0] + random.nextInt(range[1] - range[0] + 1);
  }

  private static double[] r(double low, double high) {
    return new double[] {low, high};
  }

  private static int[] i(int low, int high) {
    return new int[] {low, high};
  }
}
