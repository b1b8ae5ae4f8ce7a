package io.emostream.model.training;

import io.emostream.model.audio.Resampler;
import java.util.Random;

/**
 * Speed perturbation (as in Ko et al., "Audio augmentation for speech recognition", 2015): a clip
 * played up to a few per cent faster or slower, which moves speaking rate and pitch together.
 * Meant against a shortcut more than for more data: the voice path of 2.0.0 keys on pace
 * (espeak-ng's plain voice at its default 175 words a minute reads ANGRY more than twice as often
 * as at 160), while a calm caller may simply talk fast. Drawn independently of the emotion, the
 * perturbation leaves rate differences between emotions (acted anger is 15-30 % faster) but blurs
 * the absolute rate of any one voice. A three-epoch fine-tune of 2.0.0 with it did not remove
 * the shortcut (docs/model-card.md); it is the usual practice when training on real speech.
 */
public final class SpeedPerturbation {

  /** Factors are rounded to this step, so each is a small rational ratio the resampler serves quickly. */
  private static final double STEP = 0.01;

  private SpeedPerturbation() {}

  /**
   * {@code audio} (16 kHz) played {@code factor} times as fast: {@code 1 / factor} as long, pitch
   * times {@code factor}.
   */
  public static float[] apply(float[] audio, double factor) {
    if (!(factor > 0.5 && factor < 2.0)) {
      throw new IllegalArgumentException("speed factor must be in (0.5, 2), got " + factor);
    }
    int asIfRecordedAt = (int) Math.round(Resampler.MODEL_RATE * factor);
    return Resampler.forRates(asIfRecordedAt, Resampler.MODEL_RATE).process(audio);
  }

  /** A factor drawn uniformly from {@code [1 - spread, 1 + spread]}, in steps of 1 %. */
  static double draw(double spread, Random random) {
    double factor = 1 + spread * (2 * random.nextDouble() - 1);
    return Math.round(factor / STEP) * STEP;
  }

  /** {@code then} applied to each clip after a random speed change of up to {@code spread} either way. */
  public static AudioAugmentation before(double spread, AudioAugmentation then) {
    return before(spread, false, then);
  }

  /**
   * {@code then} applied to each clip after a random change of up to {@code spread} either way:
   * of speed (rate and pitch), or with {@code keepPitch} of tempo alone ({@link TempoStretch}).
   */
  public static AudioAugmentation before(double spread, boolean keepPitch, AudioAugmentation then) {
    String option = keepPitch ? "--tempo-perturbation" : "--speed-perturbation";
    if (!(spread >= 0 && spread < 0.5)) {
      throw new IllegalArgumentException(option + " must be in [0, 0.5), got " + spread);
    }
    if (spread == 0) {
      return then;
    }
    return (audio, random) -> {
      double factor = draw(spread, random);
      float[] faster = keepPitch ? TempoStretch.apply(audio, factor) : apply(audio, factor);
      return then == null ? faster : then.render(faster, random);
    };
  }
}
