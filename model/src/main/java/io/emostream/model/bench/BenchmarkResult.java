package io.emostream.model.bench;

import java.util.List;
import java.util.Locale;

/**
 * What {@link ModelBenchmark} measured for one model on one device.
 *
 * @param model  model name and version
 * @param device where it ran, e.g. {@code cpu()}
 * @param rows   one row per (utterance length, batch size)
 */
public record BenchmarkResult(String model, String device, List<Row> rows) {

  public BenchmarkResult {
    rows = List.copyOf(rows);
  }

  /**
   * One measured cell.
   *
   * @param audioSeconds         audio per utterance
   * @param batchSize            utterances per model call
   * @param batches              model calls measured (after warm-up)
   * @param utterancesPerSecond  throughput in utterances
   * @param audioSecondsPerSecond throughput in audio (the real-time factor's inverse)
   * @param millisPerBatch       mean latency of one model call
   */
  public record Row(double audioSeconds, int batchSize, int batches, double utterancesPerSecond,
      double audioSecondsPerSecond, double millisPerBatch) {}

  /** The result as a Markdown table, with a heading naming model and device. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("Model ").append(model).append(" on ").append(device).append('\n').append('\n');
    md.append("| audio/utt | batch | batches | utt/s | audio-s/s | ms/batch |\n");
    md.append("|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %.0f s | %d | %d | %.1f | %.1f | %.1f |%n", r.audioSeconds(),
          r.batchSize(), r.batches(), r.utterancesPerSecond(), r.audioSecondsPerSecond(), r.millisPerBatch()));
    }
    return md.toString();
  }
}
