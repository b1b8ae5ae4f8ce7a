package io.emostream.model.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Speech from the synthesisers besides espeak-ng ({@link ExternalVoice}: festival and flite): the
 * plain voice is written to a temporary WAV, then sox applies the emotion ({@link VoiceEffects})
 * and resamples to the corpus rate. Thread-safe; {@link #close()} stops festival and removes the
 * temporary directory.
 */
public final class ExternalTts implements AutoCloseable {

  private static final Pattern FLITE_VERSION = Pattern.compile("version:\\s*(\\S+)");

  private final Festival festival;
  private final String flite;
  private final String fliteVersion;
  private final String sox;
  private final Path tmp;

  private ExternalTts(Festival festival, String flite, String fliteVersion, String sox, Path tmp) {
    this.festival = festival;
    this.flite = flite;
    this.fliteVersion = fliteVersion;
    this.sox = sox;
    this.tmp = tmp;
  }

  /**
   * Checks festival with its voices, flite with its voices, and sox.
   *
   * @throws ToolMissingException naming the Debian package of whatever is missing
   */
  public static ExternalTts open(String festival, String flite, String sox) {
    Processes.versionOf(sox, "--version", "sox", "sox");
    String voices = Processes.versionOf(flite, "-lv", "flite", "flite");
    String version = Processes.versionOf(flite, "--version", "flite", "flite", false);
    List<String> have = Arrays.asList(voices.replaceFirst("(?s).*available:", "").strip().split("\\s+"));
    for (ExternalVoice v : ExternalVoice.values()) {
      if (!v.festival() && !have.contains(v.voice())) {
        throw new ToolMissingException("flite has no voice " + v.voice() + " (it lists " + have
            + "): install it with `apt-get install " + v.aptPackage() + "`");
      }
    }
    Matcher m = FLITE_VERSION.matcher(version);
    Festival f = Festival.open(festival);
    try {
      return new ExternalTts(f, flite, m.find() ? m.group(1) : version.strip(), sox,
          Files.createTempDirectory("emostream-tts-"));
    } catch (IOException e) {
      f.close();
      throw new UncheckedIOException("Cannot create a temporary directory for synthesis", e);
    }
  }

  /** e.g. {@code 2.5.0}. */
  public String festivalVersion() {
    return festival.version();
  }

  /** e.g. {@code flite-2.2-current}. */
  public String fliteVersion() {
    return fliteVersion;
  }

  /**
   * Speaks {@code text} with {@code voice}, renders {@code effects} on it and returns mono samples
   * in [-1, 1] at {@code sampleRate}.
   *
   * @param name unique name of this rendering (used for the temporary WAV)
   */
  public float[] speak(String name, ExternalVoice voice, String text, VoiceEffects effects, int sampleRate) {
    Path plain = tmp.resolve(name.replaceAll("[^A-Za-z0-9_-]", "_") + ".wav");
    try {
      if (voice.festival()) {
        festival.render(voice, text, plain);
      } else {
        Processes.run(List.of(flite, "-voice", voice.voice(), "-t", text, "-o", plain.toString()), "flite " + name);
      }
      List<String> command = new ArrayList<>(List.of(sox, "-R", "-D", "-q", plain.toString(), "-t", "raw",
          "-e", "signed-integer", "-b", "16", "-c", "1", "-"));
      command.addAll(effects.soxArgs());
      command.addAll(List.of("rate", "-h", String.valueOf(sampleRate)));
      return Processes.pcm16ToFloats(Processes.run(command, "sox effects of " + name));
    } finally {
      try {
        Files.deleteIfExists(plain);
      } catch (IOException ignored) {
        // removed with the whole directory on close
      }
    }
  }

  @Override
  public void close() {
    festival.close();
    try (Stream<Path> walk = Files.walk(tmp)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the temporary synthesis directory " + tmp, e);
    }
  }
}
