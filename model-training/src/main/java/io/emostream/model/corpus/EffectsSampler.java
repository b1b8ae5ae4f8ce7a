package io.emostream.model.corpus;

import java.util.Random;

/**
 * Draws the sox emotion rendering of a festival or flite utterance, the counterpart of
 * {@link ProsodySampler} for voices without prosody controls. Angry: faster, higher, louder,
 * strained and bright; happy: higher, somewhat faster, a little bright; sad: slower, lower,
 * quieter and dull; neutral: close to the plain voice. Every parameter is drawn from a range
 * (neighbouring emotions overlap a little) and the speaker's personal pitch and rate offsets apply
 * on top, so speakers of one voice differ.
 */
public final class EffectsSampler {

  private EffectsSampler() {}

  record Style(double[] tempo, int[] cents, double[] gainDb, int[] overdriveDb, double[] trebleDb, int[] lowpassHz) {}

  static Style style(Emotion emotion) {
    return switch (emotion) {
      case NEUTRAL -> new Style(r(0.95, 1.05), i(-60, 60), r(-4, -1), i(0, 0), r(-1, 1), i(0, 0));
      case HAPPY -> new Style(r(1.04, 1.15), i(180, 380), r(-2, 1), i(0, 0), r(1, 4), i(0, 0));
      case ANGRY -> new Style(r(1.12, 1.28), i(90, 260), r(1, 5), i(4, 14), r(3, 7), i(0, 0));
      case SAD -> new Style(r(0.78, 0.9), i(-320, -130), r(-13, -7), i(0, 0), r(-6, -2), i(2400, 3600));
    };
  }

  /** The effects of one utterance by {@code speaker} with a voice that expresses {@code emotion}. */
  public static VoiceEffects sample(Emotion emotion, Speaker speaker, Random random) {
    Style s = style(emotion);
    double tempo = speaker.rateScale() * draw(s.tempo(), random);
    int cents = (int) Math.round(1200 * Math.log(speaker.pitchScale()) / Math.log(2)) + draw(s.cents(), random);
    return new VoiceEffects(round3(tempo), cents, round1(draw(s.gainDb(), random)), draw(s.overdriveDb(), random),
        round1(draw(s.trebleDb(), random)), draw(s.lowpassHz(), random) / 100 * 100,
        round1(-62 + 14 * random.nextDouble()));
  }

  private static double draw(double[] range, Random random) {
    return range[0] + (range[1] - range[0]) * random.nextDouble();
  }

  private static int draw(int[] range, Random random) {
    return range[0] + random.nextInt(range[1] - range[0] + 1);
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static double round3(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private static double[] r(double low, double high) {
    return new double[] {low, high};
  }

  private static int[] i(int low, int high) {
    return new int[] {low, high};
  }
}
