package io.emostream.model.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelSimulatorTest {

  private static final int RATE = ChannelSimulator.RATE;

  @Test
  void shouldLeaveAudioUntouchedOnTheCleanChannel() {
    float[] speech = tone(440, 0.3, 8000);
    float[] silence = new float[4000];
    assertArrayEquals(speech, ChannelSimulator.render(speech, Channel.clean()));
    assertArrayEquals(silence, ChannelSimulator.render(silence, Channel.clean()));
  }

  @Test
  void shouldKeepFrequencyAndLevelOfA1kHzToneThroughMulaw() {
    float[] in = tone(1000, 0.25, RATE);
    float[] out = ChannelSimulator.render(in, Channel.of("mulaw", new Channel.Codec(Channel.Law.MULAW)));
    assertEquals(in.length, out.length);
    assertEquals(db(rms(middle(in))), db(rms(middle(out))), 0.5, "level through mu-law");
    double atTone = goertzelRms(middle(out), 1000);
    assertEquals(1.0, atTone / rms(middle(out)), 0.05, "the energy stays at 1 kHz");
  }

  @Test
  void shouldKeepA1kHzToneThroughAlaw() {
    float[] in = tone(1000, 0.25, RATE);
    float[] out = ChannelSimulator.render(in, Channel.of("alaw", new Channel.Codec(Channel.Law.ALAW)));
    assertEquals(db(rms(middle(in))), db(rms(middle(out))), 0.5);
  }

  @Test
  void shouldRemoveA6kHzToneAt8kHz() {
    float[] in = tone(6000, 0.25, RATE);
    float[] out = ChannelSimulator.render(in, Channel.of("mulaw", new Channel.Codec(Channel.Law.MULAW)));
    assertTrue(db(rms(middle(out))) - db(rms(middle(in))) < -30, "6 kHz is above the 4 kHz Nyquist of 8 kHz audio");
  }

  @Test
  void shouldAttenuateOutOfBandTonesAndPass1kHzWhenBandLimited() {
    Channel band = Channel.of("band", Channel.BandLimit.telephone());
    assertTrue(gainDb(band, 100) <= -12, "100 Hz: " + gainDb(band, 100));
    assertTrue(gainDb(band, 5000) <= -12, "5 kHz: " + gainDb(band, 5000));
    assertEquals(0, gainDb(band, 1000), 1.0);
  }

  @Test
  void shouldBringActiveSpeechToTheTargetLevel() {
    // a burst with silence around it: the silence must not pull the level down
    float[] in = new float[RATE];
    float[] burst = tone(500, 0.05, RATE / 2);
    System.arraycopy(burst, 0, in, RATE / 4, burst.length);
    for (double target : new double[] {-30, -18, -6}) {
      float[] out = ChannelSimulator.render(in, Channel.of("level", new Channel.Level(target)));
      assertEquals(target, db(ChannelSimulator.activeRms(out)), 0.5);
      assertEquals(0f, out[10], "silence stays silent");
    }
  }

  @Test
  void shouldClipWhenTheLevelIsTooHot() {
    float[] out = ChannelSimulator.render(tone(300, 0.1, RATE), Channel.of("hot", new Channel.Level(0)));
    for (float v : out) {
      assertTrue(v >= -1f && v <= 1f);
    }
  }

  @Test
  void shouldAddANoiseFloorAtTheRequestedLevel() {
    for (Channel.NoiseColour colour : Channel.NoiseColour.values()) {
      for (double dbfs : new double[] {-70, -55, -40}) {
        float[] out = ChannelSimulator.render(new float[RATE],
            Channel.of("noise", new Channel.NoiseFloor(dbfs, colour, 3)));
        assertEquals(dbfs, db(rms(out)), 1.0, colour + " at " + dbfs);
      }
    }
  }

  @Test
  void shouldZeroAboutTheRequestedFractionOnPacketLoss() {
    float[] in = new float[5 * RATE];
    java.util.Arrays.fill(in, 0.5f);
    for (double fraction : new double[] {0.02, 0.1}) {
      float[] out = ChannelSimulator.render(in, Channel.of("loss", new Channel.PacketLoss(fraction, 20, 60, 9)));
      int zeros = 0;
      for (float v : out) {
        zeros += v == 0 ? 1 : 0;
      }
      assertEquals(fraction, (double) zeros / in.length, 0.2 * fraction + 0.002);
    }
  }

  @Test
  void shouldDrawTheSameRandomChainForTheSameSeed() {
    float[] in = tone(700, 0.2, RATE);
    for (long seed = 0; seed < 20; seed++) {
      Channel a = Channel.random(new Random(seed));
      Channel b = Channel.random(new Random(seed));
      assertEquals(a, b);
      assertArrayEquals(ChannelSimulator.render(in, a), ChannelSimulator.render(in, b));
    }
    Set<String> names = new HashSet<>();
    Random random = new Random(1);
    for (int i = 0; i < 200; i++) {
      names.add(Channel.random(random).name());
    }
    assertTrue(names.size() > 150, "chains vary");
  }

  @Test
  void shouldReturnSameLengthAndBoundedFiniteSamplesForEveryRandomChain() {
    Random random = new Random(42);
    for (int i = 0; i < 60; i++) {
      float[] in = tone(200 + 50 * i, 0.9, 3001 + 37 * i); // odd lengths too
      Channel channel = Channel.random(random);
      float[] out = ChannelSimulator.render(in, channel);
      assertEquals(in.length, out.length, channel.name());
      for (float v : out) {
        assertTrue(Float.isFinite(v) && v >= -1f && v <= 1f, channel.name());
      }
    }
  }

  @Test
  void shouldCoverTheReportRenderingsInTheRobustnessSet() {
    List<Channel> set = Channel.robustnessSet();
    assertEquals(List.of("clean", "noise-55dBFS", "mulaw-8k", "alaw-8k", "band-300-3400", "level-30dBFS",
        "level-6dBFS", "packet-loss-2pct"), set.stream().map(Channel::name).toList());
    float[] in = tone(900, 0.2, RATE);
    for (Channel c : set.subList(1, set.size())) {
      assertNotEquals(0, diff(in, ChannelSimulator.render(in, c)), c.name() + " changes the audio");
    }
  }

  private static double gainDb(Channel channel, double hz) {
    float[] in = tone(hz, 0.25, RATE);
    return db(rms(middle(ChannelSimulator.render(in, channel)))) - db(rms(middle(in)));
  }

  static float[] tone(double hz, double amplitude, int samples) {
    float[] x = new float[samples];
    for (int i = 0; i < samples; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    return x;
  }

  private static float[] middle(float[] x) {
    return java.util.Arrays.copyOfRange(x, x.length / 4, 3 * x.length / 4);
  }

  private static double rms(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum / x.length);
  }

  /** RMS of the component of {@code x} at {@code hz}. */
  private static double goertzelRms(float[] x, double hz) {
    double re = 0;
    double im = 0;
    for (int i = 0; i < x.length; i++) {
      double w = 2 * Math.PI * hz * i / RATE;
      re += x[i] * Math.cos(w);
      im += x[i] * Math.sin(w);
    }
    return Math.sqrt(2 * (re * re + im * im)) / x.length;
  }

  private static double diff(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Math.abs(a[i] - b[i]);
    }
    return d;
  }

  private static double db(double rms) {
    return 20 * Math.log10(rms);
  }
}
