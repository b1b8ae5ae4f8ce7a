package io.emostream.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures this process while a scenario runs: CPU time (all threads — the app, the in-process
 * broker and the load generator share the JVM), and the peaks of heap in use and of resident
 * memory ({@code VmRSS} from {@code /proc/self/status}, where available), sampled every 100 ms.
 * Start once, {@link #stop()} once for the figures; {@link #close()} ends the sampling thread on any
 * path and may follow {@code stop()}.
 */
final class ResourceSampler implements AutoCloseable {

  /**
   * What the process used between start and stop.
   *
   * @param cpuSeconds  process CPU time
   * @param cpuPercent  CPU time over wall time over cores: 100 means every core busy
   * @param peakHeapMb  most heap in use at a sample
   * @param peakRssMb   most resident memory at a sample; 0 where /proc is unavailable
   * @param threadCpuSeconds CPU time per thread group (stream threads, model batcher, broker, load
   *                    generator, other) of the threads alive at stop
   * @param gcSeconds   time the garbage collectors report having spent
   */
  record Usage(double cpuSeconds, double cpuPercent, double peakHeapMb, double peakRssMb,
               Map<String, Double> threadCpuSeconds, double gcSeconds) {

    Usage {
      threadCpuSeconds = Map.copyOf(threadCpuSeconds);
    }

    Usage(double cpuSeconds, double cpuPercent, double peakHeapMb, double peakRssMb) {
      this(cpuSeconds, cpuPercent, peakHeapMb, peakRssMb, Map.of(), 0);
    }
  }

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final double MB = 1024.0 * 1024.0;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakRss = new AtomicLong();
  private final Thread thread;
  private final long startCpu;
  private final long startWall;
  private final long startGcMillis;
  private final Map<Long, Long> startThreadCpu = new HashMap<>();
  private volatile boolean running = true;

  private ResourceSampler() {
    startCpu = processCpuNanos();
    startWall = System.nanoTime();
    startGcMillis = gcMillis();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (long id : threads.getAllThreadIds()) {
      startThreadCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    sample();
    thread = new Thread(this::loop, "emostream-bench-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts sampling now. */
  static ResourceSampler start() {
    return new ResourceSampler();
  }

  /** Stops sampling and returns the usage since {@link #start()}. */
  Usage stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
    double wall = (System.nanoTime() - startWall) / 1e9;
    double cpu = (processCpuNanos() - startCpu) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    return new Usage(cpu, wall <= 0 ? 0 : 100 * cpu / wall / cores, peakHeap.get() / MB, peakRss.get() / MB,
        threadCpu(), (gcMillis() - startGcMillis) / 1000.0);
  }

  private Map<String, Double> threadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Double> out = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = threads.getThreadCpuTime(info.getThreadId());
      if (now < 0) {
        continue;
      }
      long used = now - startThreadCpu.getOrDefault(info.getThreadId(), 0L);
      out.merge(group(info.getThreadName()), used / 1e9, Double::sum);
    }
    return out;
  }

  /** The part of the process a thread belongs to, by its name. */
  static String group(String threadName) {
    if (threadName.contains("StreamThread")) {
      return "stream";
    }
    if (threadName.startsWith("emostream-batcher-prepare")) {
      return "prepare"; // features and tokens for the model, ahead of its run
    }
    if (threadName.startsWith("emostream-batcher")) {
      return "model";
    }
    if (threadName.startsWith("emostream-bench")) {
      return "bench";
    }
    if (threadName.contains("kafka") || threadName.contains("data-plane") || threadName.contains("raft")
        || threadName.contains("controller") || threadName.contains("broker") || threadName.contains("quorum")) {
      return "broker";
    }
    return "other";
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        TimeUnit.MILLISECONDS.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    peakRss.accumulateAndGet(residentBytes(), Math::max);
  }

  /** Resident set size from /proc/self/status, or 0 where there is no /proc. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
