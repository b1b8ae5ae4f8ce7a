package io.emostream.assembly;

import io.emostream.audio.EnergyVad;
import io.emostream.common.FeatureApi;
import io.emostream.config.AssemblyKeys;
import io.emostream.config.EmostreamSettings;
import io.emostream.validation.ValidationLimits;
import java.time.Duration;
import java.util.Map;

/**
 * Every threshold of validation and utterance assembly. The defaults suit 8 kHz telephony
 * and 16 kHz wideband alike (the VAD works on levels relative to an adaptive noise floor,
 * not on absolute energies tied to a codec).
 *
 * <p>Each key, its default and what it allows is declared once in {@link AssemblyKeys}; this
 * record is the typed view over them.
 */
@FeatureApi
public record AssemblyConfig(
    Duration maxWait, Duration transcriptTimeout, Duration maxUtterance, Duration maxChunk,
    int minSampleRate, int maxSampleRate, int maxTextLength, Duration audioRetention,
    Duration callIdleTimeout, Duration punctuateInterval, Duration vadFrame, double vadThresholdDb,
    double vadMinLevelDbfs, Duration vadMinUtterance, Duration vadMaxUtterance, Duration vadHangover,
    boolean inMemoryStores) {

  public static final String MAX_WAIT = AssemblyKeys.MAX_WAIT_CONFIG;
  public static final String TRANSCRIPT_TIMEOUT = AssemblyKeys.TRANSCRIPT_TIMEOUT_CONFIG;
  public static final String MAX_UTTERANCE = AssemblyKeys.MAX_UTTERANCE_CONFIG;
  public static final String MAX_CHUNK = AssemblyKeys.MAX_CHUNK_CONFIG;
  public static final String MIN_SAMPLE_RATE = AssemblyKeys.MIN_SAMPLE_RATE_CONFIG;
  public static final String MAX_SAMPLE_RATE = AssemblyKeys.MAX_SAMPLE_RATE_CONFIG;
  public static final String MAX_TEXT_LENGTH = AssemblyKeys.MAX_TEXT_LENGTH_CONFIG;
  public static final String AUDIO_RETENTION = AssemblyKeys.AUDIO_RETENTION_CONFIG;
  public static final String CALL_IDLE_TIMEOUT = AssemblyKeys.CALL_IDLE_TIMEOUT_CONFIG;
  public static final String PUNCTUATE_INTERVAL = AssemblyKeys.PUNCTUATE_INTERVAL_CONFIG;
  public static final String VAD_FRAME = AssemblyKeys.VAD_FRAME_CONFIG;
  public static final String VAD_THRESHOLD_DB = AssemblyKeys.VAD_THRESHOLD_DB_CONFIG;
  public static final String VAD_MIN_LEVEL_DBFS = AssemblyKeys.VAD_MIN_LEVEL_DBFS_CONFIG;
  public static final String VAD_MIN_UTTERANCE = AssemblyKeys.VAD_MIN_UTTERANCE_CONFIG;
  public static final String VAD_MAX_UTTERANCE = AssemblyKeys.VAD_MAX_UTTERANCE_CONFIG;
  public static final String VAD_HANGOVER = AssemblyKeys.VAD_HANGOVER_CONFIG;
  public static final String STORE_TYPE = AssemblyKeys.STORE_TYPE_CONFIG;

  public AssemblyConfig {
    positive(MAX_WAIT, maxWait);
    positive(TRANSCRIPT_TIMEOUT, transcriptTimeout);
    positive(MAX_UTTERANCE, maxUtterance);
    positive(MAX_CHUNK, maxChunk);
    positive(CALL_IDLE_TIMEOUT, callIdleTimeout);
    positive(PUNCTUATE_INTERVAL, punctuateInterval);
    if (minSampleRate < 8_000 || maxSampleRate > 48_000 || minSampleRate > maxSampleRate) {
      throw new IllegalArgumentException(MIN_SAMPLE_RATE + "/" + MAX_SAMPLE_RATE + " must satisfy "
          + "8000 <= min <= max <= 48000, got " + minSampleRate + "/" + maxSampleRate);
    }
    if (maxTextLength <= 0) {
      throw new IllegalArgumentException(MAX_TEXT_LENGTH + " must be positive, got " + maxTextLength);
    }
    if (audioRetention.compareTo(maxUtterance.plus(maxChunk)) < 0) {
      throw new IllegalArgumentException(AUDIO_RETENTION + " (" + audioRetention + ") must be at least "
          + MAX_UTTERANCE + " + " + MAX_CHUNK + " (" + maxUtterance.plus(maxChunk)
          + ") or transcripts would find their audio already evicted");
    }
    // validates the VAD settings with their own messages
    new EnergyVad.Settings((int) vadFrame.toMillis(), vadThresholdDb, vadMinLevelDbfs,
        vadMinUtterance.toMillis(), vadMaxUtterance.toMillis(), vadHangover.toMillis());
  }

  /** The documented defaults. */
  public static AssemblyConfig defaults() {
    return from(EmostreamSettings.defaults());
  }

  /**
   * Reads the {@code assembly.*} keys of a config map; other keys are ignored, absent ones
   * take their default.
   *
   * @throws IllegalArgumentException naming the key when a value cannot be parsed, is out of
   *     range, or an emostream key is unknown (a typo would otherwise go unnoticed)
   */
  public static AssemblyConfig fromMap(Map<String, ?> props) {
    return from(EmostreamSettings.of(props));
  }

  /** The view over {@code s}. */
  public static AssemblyConfig from(EmostreamSettings s) {
    return new AssemblyConfig(
        s.getDuration(MAX_WAIT), s.getDuration(TRANSCRIPT_TIMEOUT), s.getDuration(MAX_UTTERANCE),
        s.getDuration(MAX_CHUNK), s.getInt(MIN_SAMPLE_RATE), s.getInt(MAX_SAMPLE_RATE), s.getInt(MAX_TEXT_LENGTH),
        s.getDuration(AUDIO_RETENTION), s.getDuration(CALL_IDLE_TIMEOUT), s.getDuration(PUNCTUATE_INTERVAL),
        s.getDuration(VAD_FRAME), s.getDouble(VAD_THRESHOLD_DB), s.getDouble(VAD_MIN_LEVEL_DBFS),
        s.getDuration(VAD_MIN_UTTERANCE), s.getDuration(VAD_MAX_UTTERANCE), s.getDuration(VAD_HANGOVER),
        s.getChoice(STORE_TYPE).equals("in-memory"));
  }

  /** The limits the input validators apply. */
  public ValidationLimits validationLimits() {
    return new ValidationLimits(minSampleRate, maxSampleRate, maxChunk.toMillis(), maxUtterance.toMillis(),
        maxTextLength);
  }

  /** The voice-activity segmenter's settings. */
  public EnergyVad.Settings vadSettings() {
    return new EnergyVad.Settings((int) vadFrame.toMillis(), vadThresholdDb, vadMinLevelDbfs,
        vadMinUtterance.toMillis(), vadMaxUtterance.toMillis(), vadHangover.toMillis());
  }

  /** A copy with in-memory (still changelogged) stores instead of RocksDB. */
  public AssemblyConfig withInMemoryStores() {
    return new AssemblyConfig(maxWait, transcriptTimeout, maxUtterance, maxChunk, minSampleRate, maxSampleRate,
        maxTextLength, audioRetention, callIdleTimeout, punctuateInterval, vadFrame, vadThresholdDb,
        vadMinLevelDbfs, vadMinUtterance, vadMaxUtterance, vadHangover, true);
  }

  private static void positive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + d);
    }
  }
}
