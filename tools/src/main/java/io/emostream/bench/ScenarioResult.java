package io.emostream.bench;

import java.util.List;
import java.util.SortedMap;

/**
 * What one scenario measured. Figures that do not apply to the baseline are null there.
 *
 * @param name             the scenario's name
 * @param description      what it runs
 * @param streamThreads    Kafka Streams threads (0 for the baseline)
 * @param maxBatch         the scorer's batch bound (0 for the baseline)
 * @param input            input records the scenario read and how fast
 * @param pipeline         the app's figures; null for the baseline
 * @param resources        CPU and memory of this process during the measurement
 */
public record ScenarioResult(String name, String description, int streamThreads, int maxBatch,
                             Throughput input, PipelineFigures pipeline, ResourceSampler.Usage resources) {

  /**
   * @param records            input records read
   * @param megabytes          their key and value bytes, in MiB
   * @param seconds            measurement window
   * @param recordsPerSecond   records over window
   * @param megabytesPerSecond MiB over window
   */
  public record Throughput(long records, double megabytes, double seconds, double recordsPerSecond,
                           double megabytesPerSecond) {

    static Throughput of(long records, long bytes, double seconds) {
      double mb = bytes / (1024.0 * 1024.0);
      return new Throughput(records, mb, seconds, seconds <= 0 ? 0 : records / seconds, seconds <= 0 ? 0 : mb / seconds);
    }
  }

  /**
   * @param expectedUtterances    final transcripts published
   * @param scoredUtterances      of those, scored and committed before the timeout
   * @param complete              whether every one was scored
   * @param utterancesPerSecond   scored utterances over the window (first input append to last scored append)
   * @param audioSecondsPerSecond seconds of utterance audio scored per second of window
   * @param latency               final transcript append to scored utterance append
   * @param modelBatchSizes       model calls by batch size (the shared batcher's counters)
   * @param meanModelBatch        mean utterances per model call
   * @param meanModelMillis       mean time per model call
   * @param scorerBatchSizes      scored utterances by the model batch size they came in
   * @param lateLatency           latency of the last third of the utterances by transcript time: well
   *                              above {@code latency} when a backlog grows during the run
   * @param changelogWrites       what the app's state stores sent to their changelog topics; null when
   *                              not measured
   * @param timeline              latency by slice of final-transcript time: shows whether a slow
   *                              run was slow throughout, at its start (warm-up) or more and more
   *                              (a growing backlog); empty when not measured
   * @param deadLetters           records the app dead-lettered: input the figures did not really
   *                              process (the reasons are in the log)
   */
  public record PipelineFigures(int expectedUtterances, int scoredUtterances, boolean complete,
                                double utterancesPerSecond, double audioSecondsPerSecond, Latency latency,
                                SortedMap<Integer, Long> modelBatchSizes, double meanModelBatch,
                                double meanModelMillis, SortedMap<Integer, Long> scorerBatchSizes,
                                Latency lateLatency, ChangelogWrites changelogWrites, List<Slice> timeline,
                                long deadLetters) {

    public PipelineFigures {
      timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public PipelineFigures(int expectedUtterances, int scoredUtterances, boolean complete,
                           double utterancesPerSecond, double audioSecondsPerSecond, Latency latency,
                           SortedMap<Integer, Long> modelBatchSizes, double meanModelBatch,
                           double meanModelMillis, SortedMap<Integer, Long> scorerBatchSizes, Latency lateLatency) {
      this(expectedUtterances, scoredUtterances, complete, utterancesPerSecond, audioSecondsPerSecond, latency,
          modelBatchSizes, meanModelBatch, meanModelMillis, scorerBatchSizes, lateLatency, null, List.of(), 0);
    }

    public PipelineFigures(int expectedUtterances, int scoredUtterances, boolean complete,
                           double utterancesPerSecond, double audioSecondsPerSecond, Latency latency,
                           SortedMap<Integer, Long> modelBatchSizes, double meanModelBatch,
                           double meanModelMillis, SortedMap<Integer, Long> scorerBatchSizes) {
      this(expectedUtterances, scoredUtterances, complete, utterancesPerSecond, audioSecondsPerSecond, latency,
          modelBatchSizes, meanModelBatch, meanModelMillis, scorerBatchSizes, latency);
    }
  }

  /**
   * Records and bytes the app's producers sent to changelog topics (the stores' write volume that
   * the broker carries besides input and output), and the same per input record.
   *
   * @param records         changelog records sent
   * @param bytes           their bytes as the producer counted them (compressed batches, if any)
   * @param perInputRecord  records per input record of the scenario
   * @param bytesPerInputRecord bytes per input record
   */
  public record ChangelogWrites(long records, long bytes, double perInputRecord, double bytesPerInputRecord) {

    static ChangelogWrites of(long records, long bytes, long inputRecords) {
      double n = Math.max(1, inputRecords);
      return new ChangelogWrites(records, bytes, records / n, bytes / n);
    }
  }

  /**
   * Latency of the utterances whose final transcript was appended in one slice of the run.
   *
   * @param fromSecond start of the slice, seconds after the first input record's append
   * @param latency    those utterances' latency
   */
  public record Slice(int fromSecond, Latency latency) {}

  /** End-to-end latency percentiles in milliseconds over {@code samples} utterances. */
  public record Latency(int samples, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** Nearest-rank percentiles of {@code millis} (sorted in place); all 0 when empty. */
    static Latency of(long[] millis) {
      java.util.Arrays.sort(millis);
      return new Latency(millis.length, rank(millis, 50), rank(millis, 95), rank(millis, 99),
          millis.length == 0 ? 0 : millis[millis.length - 1]);
    }

    private static double rank(long[] sorted, double percentile) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }
}
