package io.emostream.model.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.UtteranceInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Native memory must stay flat over many batches: every batch's arrays are freed with its
 * sub-manager. The failsafe JVM of this module runs with a fixed, pre-touched heap, so process
 * RSS moves with native memory only.
 */
class DjlEmotionModelMemoryIT {

  private static final long CEILING_KB = 64 * 1024;

  @Test
  void shouldKeepResidentMemoryFlatOverTenThousandPredictions() throws IOException {
    List<UtteranceInput> batch = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      batch.add(i % 3 == 2 ? new UtteranceInput("t" + i, null, "please cancel my subscription now")
          : TinyModels.both("u" + i, 0.2 + 0.05 * i, i % 2 == 0 ? "fine thanks" : null));
    }
    try (DjlEmotionModel model = TinyModels.random(1)) {
      // long enough for glibc arenas and libtorch caches to reach their plateau (seen: ~4,000 predictions)
      for (int i = 0; i < 600; i++) {
        model.predict(batch);
      }
      System.gc();
      long before = residentKb();
      long started = System.nanoTime();
      int predictions = 0;
      while (predictions < 10_000) {
        predictions += model.predict(batch).size();
        if (predictions % 2000 == 0) {
          System.out.printf("after %d predictions RSS %d kB%n", predictions, residentKb());
        }
      }
      System.gc();
      long after = residentKb();
      System.out.printf("RSS before %d kB, after %d predictions %d kB, growth %d kB, %.1f s%n",
          before, predictions, after, after - before, (System.nanoTime() - started) / 1e9);
      assertThat(after - before).isLessThan(CEILING_KB);
    }
  }

  private static long residentKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
