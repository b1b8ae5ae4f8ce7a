package io.emostream.schemas.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the calls of a recorded-call directory: one per {@code <callId>.json}. */
public final class CallDirectory {
  /** Suffix of a call's transcript file. */
  public static final String JSON_SUFFIX = ".json";
  /** Suffix of a call's audio file. */
  public static final String WAV_SUFFIX = ".wav";

  private CallDirectory() {}

  /**
   * The call ids (base names of the {@code .json} files) in {@code directory}, sorted, so every
   * reader assigns calls the same way. Files are not opened: a broken call shows up when it is
   * {@linkplain CallRecording#load loaded}.
   *
   * @throws IllegalArgumentException when {@code directory} is not a readable directory
   */
  public static List<String> callIds(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("Recorded-call directory " + directory.toAbsolutePath()
          + " does not exist or is not a directory; it must hold <callId>.wav + <callId>.json "
          + "pairs.");
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(JSON_SUFFIX) && n.length() > JSON_SUFFIX.length())
          .map(n -> n.substring(0, n.length() - JSON_SUFFIX.length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list recorded-call directory " + directory, e);
    }
  }
}
