package io.emostream.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code bench --profile}: a JDK Flight Recorder recording (the JDK's {@code profile} settings) of
 * the whole run, written to {@code bench.jfr}, and a summary of where the stream threads, the
 * model's batcher thread and its preparer threads spent their CPU samples: their top frames, and the first emostream frame
 * under them (which part of our code the time belongs to).
 */
final class ProfileRecorder {

  private static final int TOP = 8;
  private final Recording recording;

  private ProfileRecorder(Recording recording) {
    this.recording = recording;
  }

  static ProfileRecorder start() {
    try {
      Recording recording = new Recording(Configuration.getConfiguration("profile"));
      recording.start();
      return new ProfileRecorder(recording);
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("cannot start a JFR recording: " + e.getMessage(), e);
    }
  }

  /** Stops, writes {@code dir/bench.jfr} and prints the top frames per thread group to {@code err}. */
  void stopAndReport(Path dir, PrintWriter err) {
    try {
      recording.stop();
      Files.createDirectories(dir);
      Path file = dir.resolve("bench.jfr");
      recording.dump(file);
      recording.close();
      Map<String, Map<String, Integer>> top = new TreeMap<>();
      Map<String, Map<String, Integer>> ours = new TreeMap<>();
      Map<String, Integer> samples = new HashMap<>();
      Map<String, Map<String, Double>> waits = new TreeMap<>();
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        if (WAITS.contains(e.getEventType().getName())) {
          addWait(e, waits);
          continue;
        }
        if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null
            || e.getThread("sampledThread") == null) {
          continue;
        }
        String group = ResourceSampler.group(String.valueOf(e.getThread("sampledThread").getJavaName()));
        if (!group.equals("stream") && !group.equals("model") && !group.equals("prepare")) {
          continue;
        }
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        if (frames.isEmpty()) {
          continue;
        }
        samples.merge(group, 1, Integer::sum);
        top.computeIfAbsent(group, g -> new HashMap<>()).merge(name(frames.get(0)), 1, Integer::sum);
        frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.emostream")).findFirst()
            .ifPresent(f -> ours.computeIfAbsent(group, g -> new HashMap<>()).merge(name(f), 1, Integer::sum));
      }
      err.println("emostream bench: JFR recording in " + file);
      for (String group : top.keySet()) {
        err.printf("  %s threads: %d CPU samples; top frames:%n", group, samples.get(group));
        print(err, top.get(group));
        err.println("    first emostream frame:");
        print(err, ours.getOrDefault(group, Map.of()));
      }
      for (Map.Entry<String, Map<String, Double>> group : waits.entrySet()) {
        err.printf("  %s threads: waits of 20 ms or more, ms by where they waited:%n", group.getKey());
        group.getValue().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
            .forEach(w -> err.printf("    %8.0f  %s%n", w.getValue(), w.getKey()));
      }
      err.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write or read the JFR recording", e);
    }
  }

  /** Events of a thread that waits (parked, in a monitor, asleep); JFR keeps those of 20 ms or more. */
  private static final java.util.Set<String> WAITS = java.util.Set.of("jdk.ThreadPark", "jdk.JavaMonitorWait",
      "jdk.JavaMonitorEnter", "jdk.ThreadSleep");

  /**
   * Adds a wait of a stream, model or preparer thread under the first frame outside the JDK (what it
   * waited on) and the first emostream or Kafka Streams frame (who waited): for a stream thread this
   * separates, for example, the exactly-once commit's producer flush from back-pressure on the model.
   */
  private static void addWait(RecordedEvent e, Map<String, Map<String, Double>> waits) {
    if (e.getThread() == null || e.getStackTrace() == null) {
      return;
    }
    String group = ResourceSampler.group(String.valueOf(e.getThread().getJavaName()));
    if (!group.equals("stream") && !group.equals("model") && !group.equals("prepare")) {
      return;
    }
    String on = "";
    String by = "";
    for (RecordedFrame f : e.getStackTrace().getFrames()) {
      String type = f.getMethod().getType().getName();
      if (on.isEmpty() && !type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        on = name(f);
      }
      if (type.startsWith("io.emostream") || type.startsWith("org.apache.kafka.streams.processor.internals")) {
        by = name(f);
        break;
      }
    }
    waits.computeIfAbsent(group, g -> new HashMap<>())
        .merge(on + (by.isEmpty() || by.equals(on) ? "" : " <- " + by), e.getDuration().toNanos() / 1e6, Double::sum);
  }

  private static void print(PrintWriter err, Map<String, Integer> counts) {
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
        .forEach(e -> err.printf("    %6d  %s%n", e.getValue(), e.getKey()));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
