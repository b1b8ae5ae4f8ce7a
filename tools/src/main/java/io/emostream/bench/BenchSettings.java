package io.emostream.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code emostream bench} runs.
 *
 * @param calls             concurrent synthetic calls
 * @param utterancesPerCall lines per call (alternating agent and customer)
 * @param pace              real-time replay or as fast as possible
 * @param model             {@code auto} (bundled demo model if present, else random weights),
 *                          {@code random}, or a bundle location ({@code DIR} or {@code classpath:...})
 * @param threads           stream-thread counts to compare with batching on
 * @param out               directory for {@code bench.json} and {@code bench.md}
 * @param partitions        partitions per topic (at least the largest thread count, so every thread has work)
 * @param modelThreads      PyTorch intra-op threads
 * @param rounds            times each pipeline scenario runs (the report keeps the median)
 * @param warmup            whether to run an unmeasured pipeline first (JIT, native caches)
 * @param seed              seeds the calls, so every scenario and every run scores the same input
 * @param format            how the calls send audio
 * @param capacitySteps     concurrent real-time call counts to ramp through (telephony frames); empty: no ramp
 * @param capacitySeconds   traffic per capacity step, at real-time pace
 * @param profile           record JFR and print the stream and model threads' top frames
 * @param appSettings       app settings every pipeline scenario runs with ({@code --set KEY=VALUE}), under the
 *                          settings that make a scenario (its batch size and thread count)
 */
public record BenchSettings(int calls, int utterancesPerCall, Pace pace, String model, List<Integer> threads,
                            Path out, int partitions, int modelThreads, int rounds, boolean warmup,
                            long seed, InputFormat format, List<Integer> capacitySteps, int capacitySeconds,
                            boolean profile, Map<String, String> appSettings) {

  public BenchSettings(int calls, int utterancesPerCall, Pace pace, String model, List<Integer> threads,
                       Path out, int partitions, int modelThreads, int rounds, boolean warmup, long seed) {
    this(calls, utterancesPerCall, pace, model, threads, out, partitions, modelThreads, rounds, warmup, seed,
        InputFormat.PCM16K, List.of(), 60, false);
  }

  /** Settings without extra app settings. */
  public BenchSettings(int calls, int utterancesPerCall, Pace pace, String model, List<Integer> threads,
                       Path out, int partitions, int modelThreads, int rounds, boolean warmup, long seed,
                       InputFormat format, List<Integer> capacitySteps, int capacitySeconds, boolean profile) {
    this(calls, utterancesPerCall, pace, model, threads, out, partitions, modelThreads, rounds, warmup, seed,
        format, capacitySteps, capacitySeconds, profile, Map.of());
  }

  public BenchSettings {
    appSettings = Map.copyOf(appSettings);
    threads = List.copyOf(threads);
    capacitySteps = List.copyOf(capacitySteps);
    if (capacitySteps.stream().anyMatch(n -> n < 1) || capacitySeconds < 10) {
      throw new IllegalArgumentException("--capacity " + capacitySteps + " / --capacity-seconds " + capacitySeconds
          + " are not valid: give call counts of 1 or more and at least 10 s per step");
    }
    if (calls < 1 || utterancesPerCall < 1) {
      throw new IllegalArgumentException("--calls and --utterances-per-call must be at least 1, got "
          + calls + " and " + utterancesPerCall);
    }
    if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
      throw new IllegalArgumentException("--threads " + threads + " is not valid: give counts of 1 or more, e.g. 1,2");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions " + partitions + " is not valid: use 1 or more");
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds " + rounds + " is not valid: use 1 or more");
    }
    if (modelThreads < 1) {
      throw new IllegalArgumentException("--model-threads " + modelThreads + " is not valid: use 1 or more");
    }
  }

  /** These settings for one capacity step: {@code calls} real-time calls in the telephony format. */
  BenchSettings forCapacityStep(int stepCalls) {
    // lines average about 3.6 s with the gaps between them
    int lines = Math.max(4, (int) Math.ceil(capacitySeconds / 3.6));
    return new BenchSettings(stepCalls, lines, Pace.REALTIME, model, threads, out, partitions, modelThreads, 1,
        false, seed, InputFormat.TELEPHONY, List.of(), capacitySeconds, false, appSettings);
  }

  /** Utterances every pipeline scenario must score. */
  public int utterances() {
    return calls * utterancesPerCall;
  }

  /**
   * PyTorch threads that fit the cores next to the most stream threads compared:
   * {@code max(1, cores - max(threads))}, like the app's own default (cores - 1 next to one stream
   * thread). All stream threads share one model thread, so the intra-op threads add to them rather
   * than multiply. On 2 cores with 2 intra-op threads the forward pass, competing with the stream
   * thread and the broker, took 650-1000 ms per batch of 5-7 instead of about 25 ms with 1.
   */
  public static int defaultModelThreads(List<Integer> threads) {
    int most = threads.stream().mapToInt(Integer::intValue).max().orElse(1);
    return Math.max(1, Runtime.getRuntime().availableProcessors() - most);
  }
}
