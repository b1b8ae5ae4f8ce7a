package io.emostream.model.training;

import io.emostream.model.audio.Resampler;
import io.emostream.model.wav.WavReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Real recorded speech of calm people for the voice head: the sample recordings of Debian's
 * {@code codec2-examples} (LGPL-2.1; read test sentences and amateur-radio conversations, several
 * speakers, studio and radio channels, 8 kHz), cut into utterance-length segments.
 *
 * <p>Why: the corpus's voices are all synthetic, so the voice head learns what a synthesiser's
 * neutral sounds like and reads any real human voice, with its natural pitch movement, as
 * aroused. A few minutes of real calm speech, trained audio-only as NEUTRAL, teach it that a
 * real calm voice is neutral. They carry no transcripts, so the text side learns nothing from
 * them. The evaluation's calm clips (pocketsphinx-testdata, alsa-utils) are other recordings by
 * other people, and the reserved asterisk prompts are never read.
 */
public final class RealCalmSpeech {

  /** Where codec2-examples installs its WAV recordings. */
  public static final Path CODEC2_WAV = Path.of("/usr/share/codec2/wav");

  private static final int RATE = Resampler.MODEL_RATE;
  private static final float MIN_SECONDS = 1.0f;
  private static final float MAX_SECONDS = 4.0f;
  /** Frames more than this far below the recording's loudest frame count as silence. */
  private static final double SILENCE_DB = 35;
  private static final double MIN_VOICED_SHARE = 0.5;
  private static final int FRAME = RATE / 50;

  private RealCalmSpeech() {}

  /**
   * Every recording of {@code dir}, cut {@code passes} times into segments of 1 to 4 s (lengths
   * drawn from {@code seed}, so each pass cuts elsewhere) that are at least half voiced; fails
   * naming the package when the folder is missing.
   */
  public static List<float[]> load(Path dir, long seed, int passes) {
    return load(dir, seed, passes, List.of());
  }

  /**
   * As {@link #load(Path, long, int)}, and each recording is also heard with its pitch moved by
   * each of {@code semitones} ({@link PitchShift}), cut the same way: calm voices higher or lower
   * than the recorded speakers'.
   */
  public static List<float[]> load(Path dir, long seed, int passes, List<Integer> semitones) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " is missing: install it with `apt-get install codec2-examples`");
    }
    Random random = new Random(seed);
    List<float[]> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path wav : files.filter(f -> f.getFileName().toString().endsWith(".wav")).sorted().toList()) {
        float[] recorded = WavReader.readMono(wav, RATE);
        List<float[]> heard = new ArrayList<>(List.of(recorded));
        semitones.forEach(s -> heard.add(PitchShift.apply(recorded, s)));
        for (float[] audio : heard) {
          for (int pass = 0; pass < passes; pass++) {
            out.addAll(segments(audio, random));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    return List.copyOf(out);
  }

  static List<float[]> segments(float[] audio, Random random) {
    double[] frameDb = frameLevels(audio);
    double loudest = Arrays.stream(frameDb).max().orElse(-200);
    List<float[]> out = new ArrayList<>();
    int start = random.nextInt(RATE); // each pass starts elsewhere, so cuts differ
    while (start + MIN_SECONDS * RATE <= audio.length) {
      int length = (int) ((MIN_SECONDS + random.nextFloat() * (MAX_SECONDS - MIN_SECONDS)) * RATE);
      int end = Math.min(audio.length, start + length);
      if (end - start >= MIN_SECONDS * RATE && voicedShare(frameDb, loudest, start, end) >= MIN_VOICED_SHARE) {
        out.add(Arrays.copyOfRange(audio, start, end));
      }
      start = end;
    }
    return out;
  }

  private static double[] frameLevels(float[] audio) {
    double[] db = new double[audio.length / FRAME];
    for (int f = 0; f < db.length; f++) {
      double energy = 1e-12;
      for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
        energy += audio[i] * audio[i];
      }
      db[f] = 10 * Math.log10(energy / FRAME);
    }
    return db;
  }

  private static double voicedShare(double[] frameDb, double loudest, int start, int end) {
    int from = start / FRAME;
    int to = Math.min(frameDb.length, end / FRAME);
    int voiced = 0;
    for (int f = from; f < to; f++) {
      if (frameDb[f] > loudest - SILENCE_DB) {
        voiced++;
      }
    }
    return to > from ? (double) voiced / (to - from) : 0;
  }
}
