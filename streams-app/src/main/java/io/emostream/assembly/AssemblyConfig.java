package io.emostream.assembly;

import io.emostream.audio.EnergyVad;
import io.emostream.config.Durations;
import io.emostream.validation.ValidationLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every threshold of validation and utterance assembly. The defaults suit 8 kHz telephony
 * and 16 kHz wideband alike (the VAD works on levels relative to an adaptive noise floor,
 * not on absolute energies tied to a codec).
 *
 * <table>
 *   <caption>Keys (durations accept {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h},
 *   ISO-8601 {@code PT5S} or a plain number of milliseconds)</caption>
 *   <tr><td>{@value #MAX_WAIT}</td><td>5s</td><td>how long a final transcript waits for its audio</td></tr>
 *   <tr><td>{@value #TRANSCRIPT_TIMEOUT}</td><td>15s</td><td>transcript silence on a channel after which the VAD cuts audio-only utterances</td></tr>
 *   <tr><td>{@value #MAX_UTTERANCE}</td><td>60s</td><td>longest transcript segment accepted</td></tr>
 *   <tr><td>{@value #MAX_CHUNK}</td><td>10s</td><td>longest audio chunk accepted</td></tr>
 *   <tr><td>{@value #MIN_SAMPLE_RATE} / {@value #MAX_SAMPLE_RATE}</td><td>8000 / 48000</td><td>accepted audio rates (Hz)</td></tr>
 *   <tr><td>{@value #MAX_TEXT_LENGTH}</td><td>5000</td><td>longest transcript text (characters)</td></tr>
 *   <tr><td>{@value #AUDIO_RETENTION}</td><td>90s</td><td>audio kept behind the newest chunk of a channel; at least max-utterance, plus the ASR's lag</td></tr>
 *   <tr><td>{@value #CALL_IDLE_TIMEOUT}</td><td>10m</td><td>a call with no record for this long is flushed and cleared as if it had ended</td></tr>
 *   <tr><td>{@value #PUNCTUATE_INTERVAL}</td><td>1s</td><td>how often timeouts are checked (wall clock)</td></tr>
 *   <tr><td>{@value #VAD_FRAME}</td><td>20ms</td><td>VAD analysis frame</td></tr>
 *   <tr><td>{@value #VAD_THRESHOLD_DB}</td><td>10</td><td>speech must exceed the noise floor by this many dB</td></tr>
 *   <tr><td>{@value #VAD_MIN_LEVEL_DBFS}</td><td>-55</td><td>frames quieter than this are never speech</td></tr>
 *   <tr><td>{@value #VAD_MIN_UTTERANCE}</td><td>500ms</td><td>shortest audio-only utterance</td></tr>
 *   <tr><td>{@value #VAD_MAX_UTTERANCE}</td><td>15s</td><td>longest audio-only utterance (longer speech is cut)</td></tr>
 *   <tr><td>{@value #VAD_HANGOVER}</td><td>300ms</td><td>pause that ends an audio-only utterance</td></tr>
 *   <tr><td>{@value #STORE_TYPE}</td><td>rocksdb</td><td>{@code rocksdb} or {@code in-memory}; both are
 *   changelogged, in-memory trades restore time at start-up for lower per-record cost</td></tr>
 * </table>
 */
public record AssemblyConfig(
    Duration maxWait, Duration transcriptTimeout, Duration maxUtterance, Duration maxChunk,
    int minSampleRate, int maxSampleRate, int maxTextLength, Duration audioRetention,
    Duration callIdleTimeout, Duration punctuateInterval, Duration vadFrame, double vadThresholdDb,
    double vadMinLevelDbfs, Duration vadMinUtterance, Duration vadMaxUtterance, Duration vadHangover,
    boolean inMemoryStores) {

  public static final String MAX_WAIT = "assembly.max-wait";
  public static final String TRANSCRIPT_TIMEOUT = "assembly.transcript-timeout";
  public static final String MAX_UTTERANCE = "assembly.max-utterance";
  public static final String MAX_CHUNK = "assembly.max-chunk";
  public static final String MIN_SAMPLE_RATE = "assembly.min-sample-rate";
  public static final String MAX_SAMPLE_RATE = "assembly.max-sample-rate";
  public static final String MAX_TEXT_LENGTH = "assembly.max-text-length";
  public static final String AUDIO_RETENTION = "assembly.audio-retention";
  public static final String CALL_IDLE_TIMEOUT = "assembly.call-idle-timeout";
  public static final String PUNCTUATE_INTERVAL = "assembly.punctuate-interval";
  public static final String VAD_FRAME = "assembly.vad.frame";
  public static final String VAD_THRESHOLD_DB = "assembly.vad.threshold-db";
  public static final String VAD_MIN_LEVEL_DBFS = "assembly.vad.min-level-dbfs";
  public static final String VAD_MIN_UTTERANCE = "assembly.vad.min-utterance";
  public static final String VAD_MAX_UTTERANCE = "assembly.vad.max-utterance";
  public static final String VAD_HANGOVER = "assembly.vad.hangover";
  public static final String STORE_TYPE = "assembly.store-type";

  private static final Set<String> KEYS = Set.of(MAX_WAIT, TRANSCRIPT_TIMEOUT, MAX_UTTERANCE, MAX_CHUNK,
      MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, MAX_TEXT_LENGTH, AUDIO_RETENTION, CALL_IDLE_TIMEOUT,
      PUNCTUATE_INTERVAL, VAD_FRAME, VAD_THRESHOLD_DB, VAD_MIN_LEVEL_DBFS, VAD_MIN_UTTERANCE,
      VAD_MAX_UTTERANCE, VAD_HANGOVER, STORE_TYPE);

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
    return new AssemblyConfig(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60),
        Duration.ofSeconds(10), 8_000, 48_000, 5_000, Duration.ofSeconds(90), Duration.ofMinutes(10),
        Duration.ofSeconds(1), Duration.ofMillis(20), 10.0, -55.0, Duration.ofMillis(500),
        Duration.ofSeconds(15), Duration.ofMillis(300), false);
  }

  /**
   * Reads the {@code assembly.*} keys of a config map; other keys are ignored, absent ones
   * take their default.
   *
   * @throws IllegalArgumentException naming the key when a value cannot be parsed, is out of
   *     range, or an {@code assembly.} key is unknown (a typo would otherwise go unnoticed)
   */
  public static AssemblyConfig fromMap(Map<String, ?> props) {
    Set<String> unknown = new TreeSet<>();
    for (String key : props.keySet()) {
      if (key.startsWith("assembly.") && !KEYS.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown assembly config keys " + unknown + "; known keys are "
          + new TreeSet<>(KEYS));
    }
    AssemblyConfig d = defaults();
    return new AssemblyConfig(
        duration(props, MAX_WAIT, d.maxWait), duration(props, TRANSCRIPT_TIMEOUT, d.transcriptTimeout),
        duration(props, MAX_UTTERANCE, d.maxUtterance), duration(props, MAX_CHUNK, d.maxChunk),
        integer(props, MIN_SAMPLE_RATE, d.minSampleRate), integer(props, MAX_SAMPLE_RATE, d.maxSampleRate),
        integer(props, MAX_TEXT_LENGTH, d.maxTextLength), duration(props, AUDIO_RETENTION, d.audioRetention),
        duration(props, CALL_IDLE_TIMEOUT, d.callIdleTimeout),
        duration(props, PUNCTUATE_INTERVAL, d.punctuateInterval), duration(props, VAD_FRAME, d.vadFrame),
        decimal(props, VAD_THRESHOLD_DB, d.vadThresholdDb), decimal(props, VAD_MIN_LEVEL_DBFS, d.vadMinLevelDbfs),
        duration(props, VAD_MIN_UTTERANCE, d.vadMinUtterance),
        duration(props, VAD_MAX_UTTERANCE, d.vadMaxUtterance), duration(props, VAD_HANGOVER, d.vadHangover),
        inMemory(props, d.inMemoryStores));
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

  private static Duration duration(Map<String, ?> props, String key, Duration dflt) {
    Object v = props.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Duration d) {
      return d;
    }
    if (v instanceof Number n) {
      return Duration.ofMillis(n.longValue());
    }
    return Durations.parse(key, v.toString());
  }

  private static boolean inMemory(Map<String, ?> props, boolean dflt) {
    Object v = props.get(STORE_TYPE);
    if (v == null) {
      return dflt;
    }
    return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
      case "rocksdb" -> false;
      case "in-memory" -> true;
      default -> throw new IllegalArgumentException(STORE_TYPE + " must be rocksdb or in-memory, got '" + v + "'");
    };
  }

  /** A copy with in-memory (still changelogged) stores instead of RocksDB. */
  public AssemblyConfig withInMemoryStores() {
    return new AssemblyConfig(maxWait, transcriptTimeout, maxUtterance, maxChunk, minSampleRate, maxSampleRate,
        maxTextLength, audioRetention, callIdleTimeout, punctuateInterval, vadFrame, vadThresholdDb,
        vadMinLevelDbfs, vadMinUtterance, vadMaxUtterance, vadHangover, true);
  }

  private static int integer(Map<String, ?> props, String key, int dflt) {
    Object v = props.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'", e);
    }
  }

  private static double decimal(Map<String, ?> props, String key, double dflt) {
    Object v = props.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + v + "'", e);
    }
  }

  private static void positive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + d);
    }
  }
}
