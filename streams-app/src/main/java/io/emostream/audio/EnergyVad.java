package io.emostream.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Energy-based voice-activity segmenter for 16 kHz PCM, used to cut audio-only utterances
 * when a channel's transcripts stop (ASR outage).
 *
 * <p>Frames whose level exceeds an adaptive noise floor by {@code thresholdDb} (and an
 * absolute minimum level, so that digital silence never counts) are speech. The floor
 * drops at once to any quieter frame and rises slowly ({@value #FLOOR_RISE_DB_PER_SECOND}
 * dB/s between speech, {@value #FLOOR_RISE_IN_SPEECH_DB_PER_SECOND} dB/s during it, so that
 * long speech is not mistaken for noise yet a lasting rise of line noise is followed),
 * which suits 8 kHz telephony and 16 kHz wideband alike. A
 * segment ends after {@code hangoverMs} of non-speech or at {@code maxUtteranceMs};
 * segments shorter than {@code minSpeechMs} are discarded as clicks and breaths.
 *
 * <p>Stateless apart from the noise floor, which callers carry between windows.
 */
public final class EnergyVad {

  static final double FLOOR_RISE_DB_PER_SECOND = 1.0;
  static final double FLOOR_RISE_IN_SPEECH_DB_PER_SECOND = 0.2;
  private static final double FLOOR_LOWEST_DB = -100;

  /**
   * Segmenter settings.
   *
   * @param frameMs        analysis frame length (10–50 ms)
   * @param thresholdDb    how far above the noise floor a frame must be to be speech
   * @param minLevelDbfs   absolute level below which a frame is never speech
   * @param minSpeechMs    shortest segment kept
   * @param maxUtteranceMs longest segment; longer speech is cut into pieces of this length
   * @param hangoverMs     non-speech tolerated inside a segment before it ends
   */
  public record Settings(int frameMs, double thresholdDb, double minLevelDbfs, long minSpeechMs,
                         long maxUtteranceMs, long hangoverMs) {
    public Settings {
      if (frameMs < 10 || frameMs > 50) {
        throw new IllegalArgumentException("VAD frame must be 10..50 ms, got " + frameMs);
      }
      if (minSpeechMs < 0 || maxUtteranceMs <= minSpeechMs || hangoverMs < 0) {
        throw new IllegalArgumentException("VAD lengths need 0 <= min-speech (" + minSpeechMs
            + " ms) < max-utterance (" + maxUtteranceMs + " ms) and hangover >= 0 (" + hangoverMs + " ms)");
      }
    }
  }

  /** A speech segment in ms from the start of the call, end exclusive. */
  public record Segment(long startMs, long endMs) {}

  /**
   * What one pass found.
   *
   * @param segments     closed speech segments, in time order
   * @param resumeMs     where the next pass must start (the start of still-open speech, or
   *                     the end of the analysed frames)
   * @param noiseFloorDb the floor to carry into the next pass
   */
  public record Result(List<Segment> segments, long resumeMs, double noiseFloorDb) {}

  private final Settings settings;

  public EnergyVad(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Segments a window of contiguous audio.
   *
   * @param pcm          16 kHz samples of the window
   * @param startMs      time of the window's first sample
   * @param noiseFloorDb floor carried from the previous pass, or {@code NaN} when unknown
   *                     (then it starts at the window's quiet frames)
   * @param flush        close speech still open at the window's end (call ended) instead
   *                     of leaving it for the next pass
   */
  public Result segment(short[] pcm, long startMs, double noiseFloorDb, boolean flush) {
    int frameMs = settings.frameMs();
    int frameSamples = frameMs * Pcm16.SAMPLES_PER_MS;
    int frames = pcm.length / frameSamples;
    double[] levels = new double[frames];
    for (int f = 0; f < frames; f++) {
      levels[f] = Pcm16.dbfs(Pcm16.rms(pcm, f * frameSamples, (f + 1) * frameSamples));
    }
    double floor = Double.isNaN(noiseFloorDb) ? initialFloor(levels) : noiseFloorDb;
    double risePerFrame = FLOOR_RISE_DB_PER_SECOND * frameMs / 1000.0;
    double risePerSpeechFrame = FLOOR_RISE_IN_SPEECH_DB_PER_SECOND * frameMs / 1000.0;
    long hangFrames = settings.hangoverMs() / frameMs;
    long maxFrames = Math.max(1, settings.maxUtteranceMs() / frameMs);
    List<Segment> segments = new ArrayList<>();
    int segStart = -1;
    int lastSpeech = -1;
    for (int f = 0; f < frames; f++) {
      double level = levels[f];
      boolean speech = level > Math.max(floor + settings.thresholdDb(), settings.minLevelDbfs());
      floor = level < floor ? Math.max(level, FLOOR_LOWEST_DB) : floor + (speech ? risePerSpeechFrame : risePerFrame);
      if (speech) {
        if (segStart < 0) {
          segStart = f;
        }
        lastSpeech = f;
        if (f + 1 - segStart >= maxFrames) {
          addIfLongEnough(segments, startMs, segStart, f + 1);
          segStart = -1;
        }
      } else if (segStart >= 0 && f - lastSpeech > hangFrames) {
        addIfLongEnough(segments, startMs, segStart, (int) Math.min(f, lastSpeech + 1 + hangFrames));
        segStart = -1;
      }
    }
    long resume = startMs + (long) frames * frameMs;
    if (segStart >= 0) {
      if (flush) {
        addIfLongEnough(segments, startMs, segStart, (int) Math.min(frames, lastSpeech + 1 + hangFrames));
      } else {
        resume = startMs + (long) segStart * frameMs;
      }
    }
    return new Result(List.copyOf(segments), resume, floor);
  }

  private void addIfLongEnough(List<Segment> out, long startMs, int fromFrame, int toFrame) {
    long from = startMs + (long) fromFrame * settings.frameMs();
    long to = startMs + (long) toFrame * settings.frameMs();
    if (to - from >= settings.minSpeechMs()) {
      out.add(new Segment(from, to));
    }
  }

  /** The 10th percentile of the window's frame levels: quiet frames, not the speech. */
  private static double initialFloor(double[] levels) {
    if (levels.length == 0) {
      return Double.NaN;
    }
    double[] sorted = levels.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 10];
  }
}
