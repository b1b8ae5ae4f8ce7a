package io.emostream.model.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Speech synthesis with espeak-ng, resampled by sox: {@code espeak-ng --stdout | sox ... rate}.
 *
 * <p>Per-utterance voice quality (pitch range, roughness, breath) lives in espeak-ng variant files,
 * which espeak only looks up in its data directory. So {@link #open} builds a private data
 * directory of symbolic links to the installed one, plus a writable {@code voices/!v} where each
 * utterance's variant is written, used and deleted. Thread-safe: one instance serves all synthesis
 * threads; {@link #close()} removes the private directory.
 */
public final class Espeak implements AutoCloseable {

  /** What to tell people who lack the tools. */
  public static final String INSTALL_HINT = "install them with `apt-get install espeak-ng sox`";

  private static final Pattern DATA_AT = Pattern.compile("Data at:\\s*(\\S+)");
  private static final Pattern VERSION = Pattern.compile("text-to-speech:\\s*(\\S+)");
  private static final long TIMEOUT_SECONDS = 60;

  private final String espeak;
  private final String sox;
  private final String espeakVersion;
  private final String soxVersion;
  private final Path privateRoot;
  private final Path variantDir;
  private final VoiceCatalog catalog;

  private Espeak(String espeak, String sox, String espeakVersion, String soxVersion, Path privateRoot,
      Path variantDir, VoiceCatalog catalog) {
    this.espeak = espeak;
    this.sox = sox;
    this.espeakVersion = espeakVersion;
    this.soxVersion = soxVersion;
    this.privateRoot = privateRoot;
    this.variantDir = variantDir;
    this.catalog = catalog;
  }

  /**
   * Checks that both programs run and prepares the private voice directory.
   *
   * @param espeak espeak-ng executable (name on the PATH or a path)
   * @param sox    sox executable (name on the PATH or a path)
   * @throws ToolMissingException when either cannot be run, naming it and how to install it
   */
  public static Espeak open(String espeak, String sox) {
    String espeakOut = versionOf(espeak, "--version", "espeak-ng");
    String soxOut = versionOf(sox, "--version", "sox");
    Matcher data = DATA_AT.matcher(espeakOut);
    if (!data.find()) {
      throw new ToolMissingException("'" + espeak + " --version' did not say where its data is (" + espeakOut.strip()
          + "); is it espeak-ng? " + INSTALL_HINT);
    }
    Matcher version = VERSION.matcher(espeakOut);
    Path systemData = Path.of(data.group(1));
    try {
      Path root = Files.createTempDirectory("emostream-espeak-");
      Path variants = linkDataDirectory(systemData, root.resolve("espeak-ng-data"));
      return new Espeak(espeak, sox, version.find() ? version.group(1) : espeakOut.strip(),
          soxOut.replaceFirst("(?s).*SoX\\s*", "").strip(), root, variants, VoiceCatalog.load(systemData));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare a private espeak-ng voice directory from " + systemData, e);
    }
  }

  /** The installed espeak-ng version, e.g. {@code 1.51}. */
  public String espeakVersion() {
    return espeakVersion;
  }

  /** The installed sox version, e.g. {@code v14.4.2}. */
  public String soxVersion() {
    return soxVersion;
  }

  /** Accents and variants available to build speakers from. */
  public VoiceCatalog catalog() {
    return catalog;
  }

  /**
   * Speaks {@code text} and returns mono samples in [-1, 1] at {@code sampleRate}.
   *
   * @param name     unique name of this rendering (used for the temporary variant file)
   * @param language espeak-ng language voice, e.g. {@code en-gb}
   */
  public float[] speak(String name, String text, String language, BaseVariant base, Prosody prosody, int sampleRate) {
    String variant = "emo-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
    Path variantFile = variantDir.resolve(variant);
    try {
      Files.writeString(variantFile, VariantFile.render(variant, base, prosody), StandardCharsets.ISO_8859_1);
      ProcessBuilder say = new ProcessBuilder(espeak, "--path=" + privateRoot, "-m", "--stdin", "--stdout",
          "-v", language + "+" + variant, "-s", String.valueOf(prosody.rateWpm()),
          "-a", String.valueOf(prosody.amplitude()), "-g", String.valueOf(prosody.wordGapMs() / 10));
      say.redirectError(ProcessBuilder.Redirect.DISCARD);
      ProcessBuilder convert = new ProcessBuilder(sox, "-R", "-D", "-q", "-t", "wav", "-", "-t", "raw",
          "-e", "signed-integer", "-b", "16", "-c", "1", "-", "rate", "-h", String.valueOf(sampleRate));
      convert.redirectError(ProcessBuilder.Redirect.DISCARD);
      List<Process> pipeline = ProcessBuilder.startPipeline(List.of(say, convert));
      try {
        try (OutputStream in = pipeline.get(0).getOutputStream()) {
          in.write(Ssml.withPauses(text, prosody.pauseMs()).getBytes(StandardCharsets.UTF_8));
        }
        byte[] raw;
        try (InputStream out = pipeline.get(1).getInputStream()) {
          raw = out.readAllBytes();
        }
        for (int i = 0; i < pipeline.size(); i++) {
          Process p = pipeline.get(i);
          boolean exited = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          if (!exited || p.exitValue() != 0) {
            throw new IllegalStateException("Synthesis of '" + name + "' failed: " + (i == 0 ? espeak : sox)
                + (exited ? " exited with " + p.exitValue() : " timed out") + " for voice " + language + "+" + variant
                + ", text: " + text);
          }
        }
        return Processes.pcm16ToFloats(raw);
      } finally {
        // a failed or interrupted rendering must not leave processes behind
        pipeline.forEach(Process::destroyForcibly);
      }
    } catch (IOException e) {
      throw new ToolMissingException("Cannot run " + espeak + " | " + sox + ": " + e.getMessage() + "; " + INSTALL_HINT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while synthesising " + name, e);
    } finally {
      try {
        Files.deleteIfExists(variantFile);
      } catch (IOException ignored) {
        // removed with the whole private directory on close
      }
    }
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(privateRoot)) {
      // symbolic links are deleted as links, so the installed espeak-ng data is never touched
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the private espeak-ng directory " + privateRoot, e);
    }
  }

  private static String versionOf(String exe, String flag, String tool) {
    try {
      Process p = new ProcessBuilder(exe, flag).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new ToolMissingException("'" + exe + " " + flag + "' failed (" + out.strip() + "); is " + tool
            + " installed? " + INSTALL_HINT);
      }
      return out;
    } catch (IOException e) {
      throw new ToolMissingException(tool + " cannot be run as '" + exe + "' (" + e.getMessage() + "): "
          + INSTALL_HINT + ", or point to it with --" + (tool.equals("sox") ? "sox" : "espeak") + " PATH", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolMissingException("Interrupted while checking " + tool, e);
    }
  }

  /** Links every entry of {@code system} into {@code target}, except a writable voices/!v. */
  private static Path linkDataDirectory(Path system, Path target) throws IOException {
    Files.createDirectories(target.resolve("voices"));
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(system)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals("voices")) {
          Files.createSymbolicLink(target.resolve(entry.getFileName().toString()), entry);
        }
      }
    }
    Path systemVoices = system.resolve("voices");
    if (Files.isDirectory(systemVoices)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(systemVoices)) {
        for (Path entry : entries) {
          if (!entry.getFileName().toString().equals("!v")) {
            Files.createSymbolicLink(target.resolve("voices").resolve(entry.getFileName().toString()), entry);
          }
        }
      }
    }
    return Files.createDirectories(target.resolve("voices").resolve("!v"));
  }
}
