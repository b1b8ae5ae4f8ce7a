package io.emostream.model.corpus;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Running the external tools (synthesisers, sox): version checks and one-shot commands. */
public final class Processes {

  static final long TIMEOUT_SECONDS = 60;
  /** The tools are given no input, so none waits on a terminal. */
  private static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new File("/dev/null"));

  private Processes() {}

  /**
   * The output of {@code exe flag}.
   *
   * @throws ToolMissingException when it cannot be run or fails, naming the apt package
   */
  static String versionOf(String exe, String flag, String tool, String aptPackage) {
    return versionOf(exe, flag, tool, aptPackage, true);
  }

  /** As {@link #versionOf(String, String, String, String)}; {@code flite --version} exits with 1. */
  static String versionOf(String exe, String flag, String tool, String aptPackage, boolean requireSuccess) {
    try {
      Process p = new ProcessBuilder(exe, flag).redirectErrorStream(true).redirectInput(NO_INPUT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || (requireSuccess && p.exitValue() != 0)) {
        throw new ToolMissingException("'" + exe + " " + flag + "' failed (" + out.strip() + "); is " + tool
            + " installed? install it with `apt-get install " + aptPackage + "`");
      }
      return out;
    } catch (IOException e) {
      throw new ToolMissingException(tool + " cannot be run as '" + exe + "' (" + e.getMessage()
          + "): install it with `apt-get install " + aptPackage + "`, or point to it with --" + tool + " PATH", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolMissingException("Interrupted while checking " + tool, e);
    }
  }

  /** Runs {@code command} to the end and returns its stdout; stderr is kept for the error message. */
  public static byte[] run(List<String> command, String what) {
    try {
      Process p = new ProcessBuilder(command).redirectInput(NO_INPUT).start();
      byte[] out;
      byte[] err;
      try (InputStream stdout = p.getInputStream(); InputStream stderr = p.getErrorStream()) {
        // stderr of these tools is a few lines at most, so reading stdout first cannot dead-lock
        out = stdout.readAllBytes();
        err = stderr.readAllBytes();
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(what + " timed out: '" + String.join(" ", command) + "'");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(what + " failed: '" + String.join(" ", command) + "' exited with "
            + p.exitValue() + ": " + new String(err, StandardCharsets.UTF_8).strip());
      }
      return out;
    } catch (IOException e) {
      throw new ToolMissingException("Cannot run " + command.get(0) + " for " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + what, e);
    }
  }

  /** Signed 16-bit little-endian PCM as samples in [-1, 1). */
  static float[] pcm16ToFloats(byte[] raw) {
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[raw.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = buffer.getShort() / 32768f;
    }
    return out;
  }
}
