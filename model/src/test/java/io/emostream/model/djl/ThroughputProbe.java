package io.emostream.model.djl;

import io.emostream.model.UtteranceInput;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures CPU throughput of the default demo network (not a test; run by hand):
 * {@code java -cp <test classpath> io.emostream.model.djl.ThroughputProbe [batch ...]}.
 * Each utterance is 5 s of audio plus a ~20-word transcript.
 */
public final class ThroughputProbe {

  private ThroughputProbe() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {8, 32} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt)
        .toArray();
    String text = "I have called three times about this bill and every time somebody promises a refund "
        + "that never arrives";
    try (DjlEmotionModel model = DjlEmotionModel.createRandom(
        Manifests.crossModal("demo", "0", NetConfig.DEFAULT, 1), 1, DeviceSpec.CPU)) {
      System.out.printf("parameters: %,d (threads=%s)%n", model.parameterCount(),
          System.getProperty("ai.djl.pytorch.num_threads", "default"));
      for (int size : sizes) {
        List<UtteranceInput> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          batch.add(TinyModels.both("u" + i, 4.8 + 0.01 * i, text));
        }
        for (int i = 0; i < 3; i++) {
          model.predict(batch);
        }
        int rounds = Math.max(5, 320 / size);
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
          model.predict(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("batch %d: %.1f utterances/s (%.1f ms per batch, %d batches)%n",
            size, rounds * size / seconds, 1000 * seconds / rounds, rounds);
      }
    }
  }
}
