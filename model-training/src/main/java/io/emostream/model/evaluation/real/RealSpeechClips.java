package io.emostream.model.evaluation.real;

import io.emostream.model.audio.Resampler;
import io.emostream.model.wav.WavReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real recorded speech of calm people, from Debian packages: the LibriVox reading and the
 * spoken card names of {@code pocketsphinx-testdata} (with their transcripts), the channel
 * announcements of {@code alsa-utils} ("Front Center", ...) and the spoken tutorial of
 * {@code warzone2100-data} ({@link TutorialVoiceClips}). Nobody here wrote or recorded them, and
 * the model never trains on them. Every clip should come out NEUTRAL.
 */
public final class RealSpeechClips {

  /** Where pocketsphinx-testdata installs its data. */
  public static final Path POCKETSPHINX = Path.of("/usr/share/pocketsphinx/test/data");
  /** Where alsa-utils installs its test sounds. */
  public static final Path ALSA_SOUNDS = Path.of("/usr/share/sounds/alsa");

  private static final Pattern TRANSCRIPT = Pattern.compile("<s>(.*)</s>\\s*\\((.+)\\)");

  private RealSpeechClips() {}

  /** One clip: 16 kHz mono audio and what was said. */
  public record Clip(String id, String source, float[] audio, String text) {}

  /** Every clip of the three packages; fails naming the package to install when one is missing. */
  public static List<Clip> load() {
    List<Clip> clips = new ArrayList<>();
    clips.addAll(transcribed(POCKETSPHINX.resolve("librivox"), "transcription", "pocketsphinx-testdata librivox"));
    clips.addAll(transcribed(POCKETSPHINX.resolve("cards"), "cards.transcription", "pocketsphinx-testdata cards"));
    clips.addAll(alsa());
    clips.addAll(tutorial());
    return List.copyOf(clips);
  }

  /**
   * Only the Warzone 2100 narrator's tutorial clips ({@link TutorialVoiceClips}): one real calm
   * voice, 42 clips in script order, for an end-to-end check that such a caller pages nobody.
   */
  public static List<Clip> tutorial() {
    return TutorialVoiceClips.load("sox");
  }

  private static List<Clip> transcribed(Path dir, String transcriptFile, String source) {
    Path file = dir.resolve(transcriptFile);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file + " is missing: install it with `apt-get install pocketsphinx-testdata`");
    }
    List<Clip> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        Matcher m = TRANSCRIPT.matcher(line.strip());
        if (m.matches()) {
          Path wav = dir.resolve(m.group(2).strip() + ".wav");
          if (Files.isRegularFile(wav)) {
            out.add(new Clip(m.group(2).strip(), source, WavReader.readMono(wav, Resampler.MODEL_RATE),
                m.group(1).strip()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return out;
  }

  private static List<Clip> alsa() {
    if (!Files.isDirectory(ALSA_SOUNDS)) {
      throw new IllegalStateException(ALSA_SOUNDS + " is missing: install it with `apt-get install alsa-utils`");
    }
    List<Clip> out = new ArrayList<>();
    try (var files = Files.list(ALSA_SOUNDS)) {
      for (Path wav : files.sorted().toList()) {
        String name = wav.getFileName().toString();
        if (name.endsWith(".wav") && !name.startsWith("Noise")) {
          String said = name.replace(".wav", "").replace('_', ' ').toLowerCase(Locale.ROOT);
          out.add(new Clip(name, "alsa-utils", WavReader.readMono(wav, Resampler.MODEL_RATE), said));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + ALSA_SOUNDS, e);
    }
    return out;
  }
}
