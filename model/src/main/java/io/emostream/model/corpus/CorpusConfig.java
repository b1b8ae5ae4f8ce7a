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
 */
public record CorpusConfig(Path out, long seed, int utterances, int speakers, double conflictShare,
    double asrNoiseShare, int sampleRate, int threads, String espeak, String sox) {

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
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
  }
}
