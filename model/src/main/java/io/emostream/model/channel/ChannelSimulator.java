package io.emostream.model.channel;

import io.emostream.model.audio.G711;
import io.emostream.model.audio.Resampler;
import java.util.Arrays;
import java.util.Random;

/**
 * Renders 16 kHz mono audio in [-1, 1] through a {@link Channel} and returns audio of the same
 * length and rate, every sample finite and within [-1, 1]. Stateless: equal inputs and channels
 * give equal outputs (noise and packet loss draw from the seeds in their stages).
 */
public final class ChannelSimulator {

  /** The only rate the simulator takes and returns: the models' 16 kHz. */
  public static final int RATE = Resampler.MODEL_RATE;
  static final int TELEPHONE_RATE = 8_000;
  /** Frames quieter than this relative to the loudest frame do not count as active speech. */
  static final double ACTIVITY_GATE_DB = -35;
  private static final int FRAME = RATE / 50;

  private ChannelSimulator() {}

  /** {@code audio} (16 kHz, unchanged) as heard through {@code channel}; a new array. */
  public static float[] render(float[] audio, Channel channel) {
    float[] x = audio.clone();
    for (Channel.Stage stage : channel.stages()) {
      x = apply(x, stage);
    }
    return clip(x);
  }

  private static float[] apply(float[] x, Channel.Stage stage) {
    // Java 17: no pattern switch; the sealed interface keeps this list complete
    if (stage instanceof Channel.NoiseFloor n) {
      return noiseFloor(x, n);
    } else if (stage instanceof Channel.Codec c) {
      return codec(x, c.law());
    } else if (stage instanceof Channel.BandLimit b) {
      return bandLimit(x, b);
    } else if (stage instanceof Channel.Level l) {
      return level(x, l.targetDbfs());
    } else if (stage instanceof Channel.PacketLoss p) {
      return packetLoss(x, p);
    }
    throw new IllegalArgumentException("unknown channel stage " + stage);
  }

  static float[] noiseFloor(float[] x, Channel.NoiseFloor stage) {
    Random random = new Random(stage.seed());
    double[] noise = new double[x.length];
    // Paul Kellet's economy pink filter: -3 dB/octave within ~1 dB over the speech band
    double p0 = 0;
    double p1 = 0;
    double p2 = 0;
    double sumSquares = 0;
    for (int i = 0; i < noise.length; i++) {
      double w = random.nextGaussian();
      if (stage.colour() == Channel.NoiseColour.PINK) {
        p0 = 0.99765 * p0 + w * 0.0990460;
        p1 = 0.96300 * p1 + w * 0.2965164;
        p2 = 0.57000 * p2 + w * 1.0526913;
        w = p0 + p1 + p2 + w * 0.1848;
      }
      noise[i] = w;
      sumSquares += w * w;
    }
    if (sumSquares == 0) {
      return x;
    }
    // scale the drawn noise itself, so the floor's RMS is exactly the requested level
    double gain = Math.pow(10, stage.dbfs() / 20) / Math.sqrt(sumSquares / noise.length);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (x[i] + gain * noise[i]);
    }
    return clip(x);
  }

  static float[] codec(float[] x, Channel.Law law) {
    float[] narrow = Resampler.forRates(RATE, TELEPHONE_RATE).process(x);
    float[] decoded = new float[narrow.length];
    for (int i = 0; i < narrow.length; i++) {
      short pcm = (short) Math.round(Math.max(-1f, Math.min(1f, narrow[i])) * 32767f);
      short back = law == Channel.Law.MULAW
          ? G711.mulawToLinear(G711.linearToMulaw(pcm))
          : G711.alawToLinear(G711.linearToAlaw(pcm));
      decoded[i] = back / 32768f;
    }
    float[] wide = Resampler.forRates(TELEPHONE_RATE, RATE).process(decoded);
    // an odd-length input loses its last sample at 8 kHz; pad so the length is kept
    return wide.length == x.length ? wide : Arrays.copyOf(wide, x.length);
  }

  static float[] bandLimit(float[] x, Channel.BandLimit stage) {
    for (double q : Biquad.butterworthQs(stage.order())) {
      Biquad.highPass(stage.lowHz(), q, RATE).apply(x);
      Biquad.lowPass(stage.highHz(), q, RATE).apply(x);
    }
    return x;
  }

  static float[] level(float[] x, double targetDbfs) {
    double active = activeRms(x);
    if (active == 0) {
      return x;
    }
    double gain = Math.pow(10, targetDbfs / 20) / active;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (x[i] * gain);
    }
    return x;
  }

  /**
   * RMS over the 20 ms frames within {@value #ACTIVITY_GATE_DB} dB of the loudest frame: the
   * level of the speech, not diluted by pauses and leading or trailing silence.
   */
  public static double activeRms(float[] x) {
    int frames = (x.length + FRAME - 1) / FRAME;
    double[] energy = new double[frames];
    double loudest = 0;
    for (int f = 0; f < frames; f++) {
      int end = Math.min(x.length, (f + 1) * FRAME);
      double sum = 0;
      for (int i = f * FRAME; i < end; i++) {
        sum += (double) x[i] * x[i];
      }
      energy[f] = sum / (end - f * FRAME);
      loudest = Math.max(loudest, energy[f]);
    }
    if (loudest == 0) {
      return 0;
    }
    double gate = loudest * Math.pow(10, ACTIVITY_GATE_DB / 10);
    double sum = 0;
    int n = 0;
    for (double e : energy) {
      if (e >= gate) {
        sum += e;
        n++;
      }
    }
    return Math.sqrt(sum / n);
  }

  static float[] packetLoss(float[] x, Channel.PacketLoss stage) {
    int target = (int) Math.round(stage.fraction() * x.length);
    if (target == 0) {
      return x;
    }
    Random random = new Random(stage.seed());
    int minGap = RATE * stage.minGapMs() / 1000;
    int maxGap = RATE * stage.maxGapMs() / 1000;
    boolean[] lost = new boolean[x.length];
    int count = 0;
    // gaps may overlap; stop once the union covers the requested share
    while (count < target) {
      int len = Math.min(x.length, minGap + random.nextInt(maxGap - minGap + 1));
      int start = random.nextInt(x.length - len + 1);
      for (int i = start; i < start + len; i++) {
        if (!lost[i]) {
          lost[i] = true;
          x[i] = 0;
          count++;
        }
      }
    }
    return x;
  }

  private static float[] clip(float[] x) {
    for (int i = 0; i < x.length; i++) {
      float v = x[i];
      x[i] = Float.isNaN(v) ? 0 : Math.max(-1f, Math.min(1f, v));
    }
    return x;
  }
}
