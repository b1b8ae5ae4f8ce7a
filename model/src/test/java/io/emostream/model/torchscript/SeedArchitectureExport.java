package io.emostream.model.torchscript;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code model/scripts/export_wav2vec2_bert.py} and {@code torchscript_reference.py} with a
 * Python that has Debian's torch and torchaudio, as the seed-architecture IT needs.
 *
 * <p>Python is {@code -Demostream.python=...}, else {@code /usr/bin/python3} (Debian's, where
 * python3-torch installs; a pyenv {@code python3} earlier on PATH would not see it), else
 * {@code python3}. Without torch the test fails with the install command rather than skipping:
 * {@code .ci/run} installs both packages.
 */
final class SeedArchitectureExport {

  static final String INSTALL = "apt-get install -y --no-install-recommends python3-torch python3-torchaudio";
  private static final long TIMEOUT_SECONDS = 600;

  private SeedArchitectureExport() {}

  /** The Python interpreter to use, checked to import torch and torchaudio. */
  static String python() {
    String configured = System.getProperty("emostream.python");
    String python = configured != null ? configured
        : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Result probe = run(List.of(python, "-c", "import importlib.util as u, sys;"
        + " sys.exit(0 if u.find_spec('torch') and u.find_spec('torchaudio') else 'torch or torchaudio is missing')"),
        false);
    if (probe.exitCode() != 0) {
      fail("The seed-architecture export needs Python with torch and torchaudio, and " + python
          + " cannot import them (" + probe.output().strip() + "). Install Debian's packages: " + INSTALL
          + " (.ci/run does this), or point -Demostream.python at a Python that has them.");
    }
    return python;
  }

  /** {@code model/scripts}, from the module directory (Maven's working directory) or the repository root. */
  static Path scripts() {
    for (Path candidate : List.of(Path.of("scripts"), Path.of("model", "scripts"))) {
      if (Files.isRegularFile(candidate.resolve("export_wav2vec2_bert.py"))) {
        return candidate.toAbsolutePath();
      }
    }
    return fail("model/scripts/export_wav2vec2_bert.py not found from " + Path.of("").toAbsolutePath());
  }

  /** Runs a script of {@code model/scripts} with {@code args}; fails the test with its output if it fails. */
  static String script(String python, String name, String... args) {
    List<String> command = new ArrayList<>(List.of(python, scripts().resolve(name).toString()));
    command.addAll(List.of(args));
    Result result = run(command, true);
    if (result.exitCode() != 0) {
      fail(String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + result.output());
    }
    return result.output();
  }

  /** Writes {@code samples} as raw little-endian float32, the format torchscript_reference.py reads. */
  static void writeFloats(Path file, float[] samples) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(samples.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(samples);
    Files.write(file, bytes.array());
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, boolean oneThread) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (oneThread) {
      // Like the JVM side in tests (emostream.model.threads=1): CI has 2 shared cores.
      builder.environment().put("OMP_NUM_THREADS", "1");
      builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    }
    try {
      // Output goes to a file, so a hung process cannot block the read and the timeout holds.
      Path log = Files.createTempFile("seed-export", ".log");
      try {
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return new Result(-1, "timed out after " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      return new Result(-1, "cannot start " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
