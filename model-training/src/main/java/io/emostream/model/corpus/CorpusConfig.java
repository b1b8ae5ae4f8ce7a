package io.emostream.model.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link CorpusSynthesizer} makes.
 *
 * @param out           the corpus directory (created; must be empty or absent)
 * @param seed          everything random derives from it, so equal configs give equal corpora
 * @param utterances    total number of utterances, balanced over the four labels
 * @param speakers      number of distinct synthetic speakers (at least {@link SpeakerPool#MIN_SPEAKERS})
 * @param conflictShare fraction of each label's items whose words and voice disagree, in [0, 1]
 * @param asrNoiseShare fraction of transcripts given ASR-like errors, in [0, 1]
 * @param sampleRate    WAV sample rate in Hz (8000 to 48000)
 * @param threads       parallel synthesis processes
 * @param espeak        espeak-ng executable
 * @param sox           sox executable
 * @param otherShare    share of utterances spoken by festival and flite voices instead of espeak-ng,
 *                      in [0, 0.9]; 0 needs neither tool
 * @param festival      festival executable
 * @param flite         flite executable
 * @param noiseFloor    whether each clip gets its planned line-noise floor; without it the WAVs are
 *                      clean (digital silence stays 0) and the manifest's {@code noiseDbfs} values
 *                      are the floors a channel simulation may add later
 */
public record CorpusConfig(Path out, long seed, int utterances, int speakers, double conflictShare,
    double asrNoiseShare, int sampleRate, int threads, String espeak, String sox, double otherShare, String festival,
    String flite, boolean noiseFloor) {

  /** An espeak-ng-only corpus, as before festival and flite were added. */
  public CorpusConfig(Path out, long seed, int utterances, int speakers, double conflictShare, double asrNoiseShare,
      int sampleRate, int threads, String espeak, String sox) {
    this(out, seed, utterances, speakers, conflictShare, asrNoiseShare, sampleRate, threads, espeak, sox, 0,
        "festival", "flite", true);
  }

  public CorpusConfig {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(espeak, "espeak");
    Objects.requireNonNull(sox, "sox");
    if (utterances < 4) {
      throw new IllegalArgumentException("--utterances must be at least 4 (one per label), got " + utterances);
    }
    if (conflictShare < 0 || conflictShare > 1) {
      throw new IllegalArgumentException("--conflict-share must be in [0, 1], got " + conflictShare);
    }
    if (asrNoiseShare < 0 || asrNoiseShare > 1) {
      throw new IllegalArgumentException("--asr-noise-share must be in [0, 1], got " + asrNoiseShare);
    }
    if (sampleRate < 8000 || sampleRate > 48000) {
      throw new IllegalArgumentException("--sample-rate must be between 8000 and 48000 Hz, got " + sampleRate);
    }
    if (otherShare < 0 || otherShare > 0.9) {
      throw new IllegalArgumentException("--other-voices-share must be in [0, 0.9], got " + otherShare);
    }
    Objects.requireNonNull(festival, "festival");
    Objects.requireNonNull(flite, "flite");
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
  }

  /**
   * Number of festival and flite speakers: as many relative to {@code speakers} as their share of
   * the utterances, and at least {@link SpeakerPool#MIN_SPEAKERS}; 0 when the share is 0.
   */
  public int otherSpeakers() {
    return otherShare == 0 ? 0 : Math.max(SpeakerPool.MIN_SPEAKERS, (int) Math.round(speakers * otherShare));
  }
}
