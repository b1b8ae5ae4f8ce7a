package io.emostream.model.evaluation.real;

import io.emostream.model.audio.Resampler;
import io.emostream.model.corpus.Processes;
import io.emostream.model.wav.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The spoken tutorial of Warzone 2100 (Debian {@code warzone2100-data}, GPL-2+): a voice actor
 * calmly reading instructions ("To build an oil derrick, select one of your trucks"), recorded
 * for the 1999 game, the register of an automated telephone prompt. The clips are Ogg Vorbis at
 * 11 kHz inside the game's {@code base.wz} archive; their words are the messages the tutorial
 * script shows beside them, so only clips with a message are used.
 *
 * <p>Read from the installed package, never copied into the repository, and never trained on: like
 * {@link RealSpeechClips}' others, every clip should come out NEUTRAL. (2.1.0 was chosen with these
 * clips in view; docs/model-card.md says so.)
 */
final class TutorialVoiceClips {

  /** Where warzone2100-data installs the game's archive. */
  static final Path ARCHIVE = Path.of("/usr/share/games/warzone2100/base.wz");
  static final String SOURCE = "warzone2100-data tutorial";

  private static final String SCRIPT = "script/tutorial.js";
  private static final String AUDIO_DIR = "audio/tutorial/";
  /** One step of the tutorial script: {@code {"audio": "tut3.ogg", ..., "message": _("...")}}. */
  private static final Pattern STEP = Pattern.compile(
      "\"audio\"\\s*:\\s*\"(tut\\d+\\.ogg)\"[^\\n]*?\"message\"\\s*:\\s*_\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");

  private TutorialVoiceClips() {}

  /** A clip's file in the archive and its words. */
  record Step(String audio, String message) {}

  /** The steps of {@code script} that have both a sound and a message, in script order. */
  static List<Step> steps(String script) {
    List<Step> steps = new ArrayList<>();
    Matcher m = STEP.matcher(script);
    while (m.find()) {
      steps.add(new Step(m.group(1), m.group(2).replace("\\'", "'").replace("\\\"", "\"")));
    }
    return steps;
  }

  /** Every clip with a message, decoded with sox; fails naming the package to install. */
  static List<RealSpeechClips.Clip> load(String sox) {
    if (!Files.isRegularFile(ARCHIVE)) {
      throw new IllegalStateException(ARCHIVE + " is missing: install it with `apt-get install warzone2100-data`");
    }
    List<RealSpeechClips.Clip> clips = new ArrayList<>();
    Path tmp = null;
    try (ZipFile zip = new ZipFile(ARCHIVE.toFile())) {
      tmp = Files.createTempDirectory("emostream-tutorial-");
      for (Step step : steps(text(zip, SCRIPT))) {
        ZipEntry entry = zip.getEntry(AUDIO_DIR + step.audio());
        if (entry == null) {
          continue;
        }
        Path ogg = tmp.resolve(step.audio());
        Path wav = tmp.resolve(step.audio().replace(".ogg", ".wav"));
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, ogg);
        }
        // sox only decodes; the 16 kHz conversion is the project's own, as for every other clip
        Processes.run(List.of(sox, "-q", ogg.toString(), "-b", "16", wav.toString()), "decoding " + step.audio());
        clips.add(new RealSpeechClips.Clip(step.audio(), SOURCE, WavReader.readMono(wav, Resampler.MODEL_RATE),
            step.message()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + ARCHIVE, e);
    } finally {
      deleteAll(tmp);
    }
    return clips;
  }

  private static String text(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new IllegalStateException(ARCHIVE + " has no " + name + ": is warzone2100-data from Debian 12 or later?");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void deleteAll(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary folder left behind is harmless; the clips are already read
    }
  }
}
