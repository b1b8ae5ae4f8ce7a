package io.emostream.model.djl;

import io.emostream.model.UtteranceInput;
import io.emostream.model.bundle.BundleManifest;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import java.util.Random;

/** Tiny networks and synthetic utterances that keep model tests to seconds. */
public final class TinyModels {

  /** d=32, 2 heads, 1+1 layers, 512 buckets, 4 s of audio at most, 32 tokens. */
  public static final NetConfig TINY = new NetConfig(32, 2, 1, 1, 64, 0.1f, 4, 80, 512, 4, 32, 4 * 16_000, 32);

  private TinyModels() {}

  public static BundleManifest manifest(NetConfig config) {
    return Manifests.crossModal("tiny-test", "0.0.1", config, 42);
  }

  public static DjlEmotionModel random(long seed) {
    return DjlEmotionModel.createRandom(manifest(TINY), seed, DeviceSpec.CPU);
  }

  /** A vowel-like signal of {@code seconds}: harmonics of a wobbling pitch plus noise. */
  public static float[] audio(double seconds, long seed) {
    Random random = new Random(seed);
    int n = (int) (seconds * 16_000);
    double f0 = 100 + 150 * random.nextDouble();
    float[] x = new float[n];
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double pitch = f0 * (1 + 0.05 * Math.sin(2 * Math.PI * 3 * i / 16_000.0));
      phase += 2 * Math.PI * pitch / 16_000.0;
      double s = 0;
      for (int h = 1; h <= 5; h++) {
        s += Math.sin(h * phase) / h;
      }
      x[i] = (float) (0.2 * s + 0.01 * random.nextGaussian());
    }
    return x;
  }

  public static UtteranceInput both(String id, double seconds, String text) {
    return new UtteranceInput(id, audio(seconds, id.hashCode()), text);
  }
}
