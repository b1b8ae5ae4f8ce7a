package io.emostream.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the end of a child process's log file, so that a start-up failure can show its cause in
 * the exception instead of sending the reader to find the file.
 */
final class LogTail {

  /** Enough for a Quarkus stack trace's head; the full log stays in the file. */
  private static final int MAX_BYTES = 8 * 1024;

  private LogTail() {}

  /**
   * Returns the last {@code maxLines} lines of {@code file} (at most the last 8 KiB), or a note
   * saying why nothing could be read; never null and never throws.
   */
  static String of(Path file, int maxLines) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
      if (text.isEmpty()) {
        return "(log is empty)";
      }
      String[] lines = text.split("\\R");
      int from = Math.max(0, lines.length - maxLines);
      return String.join(System.lineSeparator(), Arrays.copyOfRange(lines, from, lines.length));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }
}
