package io.emostream.model.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A recording channel: an ordered chain of {@link Stage}s that {@link ChannelSimulator} applies to
 * 16 kHz mono audio. Real calls reach the model through noise floors, telephone codecs, band
 * limits, arbitrary levels and lost packets; training and the robustness report render the same
 * speech through such chains so that none of them can decide the label.
 *
 * @param name   short name for reports, e.g. {@code mulaw-8k}
 * @param stages applied in order; empty means the clean channel (identity)
 */
public record Channel(String name, List<Stage> stages) {

  public Channel {
    Objects.requireNonNull(name, "name");
    stages = List.copyOf(stages);
  }

  /** The clean digital channel: no noise floor, no codec; silence stays exactly zero. */
  public static Channel clean() {
    return new Channel("clean", List.of());
  }

  /** A one-stage channel. */
  public static Channel of(String name, Stage stage) {
    return new Channel(name, List.of(stage));
  }

  /**
   * A realistic random chain, reproducible from {@code random}: level always (-35..-3 dBFS); with
   * probability 0.3 no noise floor, else a white or pink floor at -70..-45 dBFS; with probability
   * 0.35 the telephone path (300-3400 Hz band-limit, then 8 kHz mu-law or A-law); with probability
   * 0.1 packet loss of 1-5 % in 20-60 ms gaps. The name lists the stages, e.g.
   * {@code level-12.3+noise-58.0+mulaw}.
   */
  public static Channel random(Random random) {
    List<Stage> stages = new ArrayList<>();
    List<String> names = new ArrayList<>();
    double level = round1(-35 + 32 * random.nextDouble());
    stages.add(new Level(level));
    names.add("level" + level);
    if (random.nextDouble() >= 0.3) {
      double floor = round1(-70 + 25 * random.nextDouble());
      NoiseColour colour = random.nextBoolean() ? NoiseColour.WHITE : NoiseColour.PINK;
      stages.add(new NoiseFloor(floor, colour, random.nextLong()));
      names.add((colour == NoiseColour.PINK ? "pink" : "noise") + floor);
    }
    if (random.nextDouble() < 0.35) {
      Law law = random.nextBoolean() ? Law.MULAW : Law.ALAW;
      stages.add(BandLimit.telephone());
      stages.add(new Codec(law));
      names.add(law == Law.MULAW ? "mulaw" : "alaw");
    }
    if (random.nextDouble() < 0.1) {
      double fraction = Math.round((0.01 + 0.04 * random.nextDouble()) * 1000) / 1000.0;
      stages.add(new PacketLoss(fraction, 20, 60, random.nextLong()));
      names.add("loss" + fraction);
    }
    return new Channel(String.join("+", names), stages);
  }

  /**
   * The fixed renderings of the robustness report, in report order: clean, noise floor -55 dBFS,
   * mu-law 8 kHz, A-law 8 kHz, band-limited 300-3400 Hz, level -30 dBFS, level -6 dBFS, packet
   * loss 2 %.
   */
  public static List<Channel> robustnessSet() {
    return List.of(
        clean(),
        of("noise-55dBFS", new NoiseFloor(-55, NoiseColour.WHITE, 55)),
        of("mulaw-8k", new Codec(Law.MULAW)),
        of("alaw-8k", new Codec(Law.ALAW)),
        of("band-300-3400", BandLimit.telephone()),
        of("level-30dBFS", new Level(-30)),
        of("level-6dBFS", new Level(-6)),
        of("packet-loss-2pct", new PacketLoss(0.02, 20, 60, 2)));
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }

  /** One processing step of a channel. */
  public sealed interface Stage permits NoiseFloor, Codec, BandLimit, Level, PacketLoss {}

  /** Colour of an added noise floor. */
  public enum NoiseColour { WHITE, PINK }

  /**
   * Additive noise at {@code dbfs} RMS relative to full scale.
   *
   * @param seed the noise is reproducible from it
   */
  public record NoiseFloor(double dbfs, NoiseColour colour, long seed) implements Stage {
    public NoiseFloor {
      if (dbfs > -20 || dbfs < -120) {
        throw new IllegalArgumentException("noise floor must be in [-120, -20] dBFS, got " + dbfs);
      }
      Objects.requireNonNull(colour, "colour");
    }
  }

  /** G.711 companding law. */
  public enum Law { MULAW, ALAW }

  /** An 8 kHz G.711 round trip: down to 8 kHz, encode, decode, back up to 16 kHz. */
  public record Codec(Law law) implements Stage {
    public Codec {
      Objects.requireNonNull(law, "law");
    }
  }

  /**
   * Telephone band-limiting: cascaded 2nd-order Butterworth high-pass and low-pass sections.
   *
   * @param lowHz  high-pass corner, e.g. 300
   * @param highHz low-pass corner, e.g. 3400
   * @param order  filter order per side: 2 or 4
   */
  public record BandLimit(double lowHz, double highHz, int order) implements Stage {
    public BandLimit {
      if (!(lowHz > 0 && highHz > lowHz && highHz < ChannelSimulator.RATE / 2.0)) {
        throw new IllegalArgumentException("band must satisfy 0 < low < high < 8000 Hz, got " + lowHz + ".." + highHz);
      }
      if (order != 2 && order != 4) {
        throw new IllegalArgumentException("band-limit order must be 2 or 4, got " + order);
      }
    }

    /** The classic 300–3400 Hz telephone band, 4th order. */
    public static BandLimit telephone() {
      return new BandLimit(300, 3400, 4);
    }
  }

  /**
   * Gain so that the active speech RMS (frames above a relative gate) sits at {@code targetDbfs};
   * samples beyond ±1 are clipped, as a hot line would.
   */
  public record Level(double targetDbfs) implements Stage {
    public Level {
      if (targetDbfs < -60 || targetDbfs > 0) {
        throw new IllegalArgumentException("level must be in [-60, 0] dBFS, got " + targetDbfs);
      }
    }
  }

  /**
   * Lost packets: gaps of {@code minGapMs..maxGapMs} zeroed until about {@code fraction} of the
   * clip is gone.
   *
   * @param seed gap positions and lengths are reproducible from it
   */
  public record PacketLoss(double fraction, int minGapMs, int maxGapMs, long seed) implements Stage {
    public PacketLoss {
      if (fraction < 0 || fraction > 0.5) {
        throw new IllegalArgumentException("packet loss fraction must be in [0, 0.5], got " + fraction);
      }
      if (minGapMs < 1 || maxGapMs < minGapMs) {
        throw new IllegalArgumentException("gap lengths must satisfy 1 <= min <= max, got " + minGapMs + ".." + maxGapMs);
      }
    }
  }
}
