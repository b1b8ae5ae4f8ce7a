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
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
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
      err.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write or read the JFR recording", e);
    }
  }

  private static void print(PrintWriter err, Map<String, Integer> counts) {
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
        .forEach(e -> err.printf("    %6d  %s%n", e.getValue(), e.getKey()));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
