package io.emostream.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The {@code assembly.*} keys: input validation and utterance assembly. The defaults suit 8 kHz
 * telephony and 16 kHz wideband alike (the VAD works on levels relative to an adaptive noise
 * floor, not on absolute energies tied to a codec).
 */
public final class AssemblyKeys {

  public static final String MAX_WAIT_CONFIG = "assembly.max-wait";
  public static final String MAX_WAIT_DEFAULT = "5s";
  static final String MAX_WAIT_DOC = "How long a final transcript waits for its audio, and a CALL_ENDED for the "
      + "call's last records, before acting with what there is; a CALL_ENDED waits longer while the instance is "
      + "still reading older audio or transcripts (a backlog), up to assembly.call-idle-timeout.";

  public static final String TRANSCRIPT_TIMEOUT_CONFIG = "assembly.transcript-timeout";
  public static final String TRANSCRIPT_TIMEOUT_DEFAULT = "15s";
  static final String TRANSCRIPT_TIMEOUT_DOC = "Transcript silence on a channel after which the VAD cuts audio-only utterances"
      + " (when a call ends, a channel that never had a transcript is cut at once).";

  public static final String MAX_UTTERANCE_CONFIG = "assembly.max-utterance";
  public static final String MAX_UTTERANCE_DEFAULT = "60s";
  static final String MAX_UTTERANCE_DOC = "Longest transcript segment accepted.";

  public static final String MAX_CHUNK_CONFIG = "assembly.max-chunk";
  public static final String MAX_CHUNK_DEFAULT = "10s";
  static final String MAX_CHUNK_DOC = "Longest audio chunk accepted.";

  public static final String MIN_SAMPLE_RATE_CONFIG = "assembly.min-sample-rate";
  public static final int MIN_SAMPLE_RATE_DEFAULT = 8_000;
  static final String MIN_SAMPLE_RATE_DOC = "Lowest accepted audio sample rate (Hz).";

  public static final String MAX_SAMPLE_RATE_CONFIG = "assembly.max-sample-rate";
  public static final int MAX_SAMPLE_RATE_DEFAULT = 48_000;
  static final String MAX_SAMPLE_RATE_DOC = "Highest accepted audio sample rate (Hz).";

  public static final String MAX_TEXT_LENGTH_CONFIG = "assembly.max-text-length";
  public static final int MAX_TEXT_LENGTH_DEFAULT = 5_000;
  static final String MAX_TEXT_LENGTH_DOC = "Longest transcript text accepted (characters).";

  public static final String AUDIO_RETENTION_CONFIG = "assembly.audio-retention";
  public static final String AUDIO_RETENTION_DEFAULT = "90s";
  static final String AUDIO_RETENTION_DOC = "Audio kept behind the newest chunk of a channel; at least "
      + "assembly.max-utterance + assembly.max-chunk, plus the ASR's lag.";

  public static final String CALL_IDLE_TIMEOUT_CONFIG = "assembly.call-idle-timeout";
  public static final String CALL_IDLE_TIMEOUT_DEFAULT = "10m";
  static final String CALL_IDLE_TIMEOUT_DOC = "A call with no record for this long is flushed and cleared as if it had ended.";

  public static final String PUNCTUATE_INTERVAL_CONFIG = "assembly.punctuate-interval";
  public static final String PUNCTUATE_INTERVAL_DEFAULT = "1s";
  static final String PUNCTUATE_INTERVAL_DOC = "How often timeouts are checked (wall clock).";

  public static final String VAD_FRAME_CONFIG = "assembly.vad.frame";
  public static final String VAD_FRAME_DEFAULT = "20ms";
  static final String VAD_FRAME_DOC = "VAD analysis frame (10ms to 50ms).";

  public static final String VAD_THRESHOLD_DB_CONFIG = "assembly.vad.threshold-db";
  public static final double VAD_THRESHOLD_DB_DEFAULT = 10.0;
  static final String VAD_THRESHOLD_DB_DOC = "Speech must exceed the noise floor by this many dB.";

  public static final String VAD_MIN_LEVEL_DBFS_CONFIG = "assembly.vad.min-level-dbfs";
  public static final double VAD_MIN_LEVEL_DBFS_DEFAULT = -55.0;
  static final String VAD_MIN_LEVEL_DBFS_DOC = "Frames quieter than this are never speech.";

  public static final String VAD_MIN_UTTERANCE_CONFIG = "assembly.vad.min-utterance";
  public static final String VAD_MIN_UTTERANCE_DEFAULT = "500ms";
  static final String VAD_MIN_UTTERANCE_DOC = "Shortest audio-only utterance.";

  public static final String VAD_MAX_UTTERANCE_CONFIG = "assembly.vad.max-utterance";
  public static final String VAD_MAX_UTTERANCE_DEFAULT = "15s";
  static final String VAD_MAX_UTTERANCE_DOC = "Longest audio-only utterance (longer speech is cut).";

  public static final String VAD_HANGOVER_CONFIG = "assembly.vad.hangover";
  public static final String VAD_HANGOVER_DEFAULT = "300ms";
  static final String VAD_HANGOVER_DOC = "Pause that ends an audio-only utterance.";

  public static final String STORE_TYPE_CONFIG = "assembly.store-type";
  public static final String STORE_TYPE_DEFAULT = "rocksdb";
  static final String STORE_TYPE_DOC = "rocksdb or in-memory; both are changelogged, in-memory trades restore "
      + "time at start-up for lower per-record cost.";

  private AssemblyKeys() {}

  static ConfigDef define(ConfigDef def) {
    Duration ms = Duration.ofMillis(1);
    Duration day = Duration.ofDays(1);
    EmostreamConfigDef.duration(def, MAX_WAIT_CONFIG, MAX_WAIT_DEFAULT, ms, day, Importance.HIGH, MAX_WAIT_DOC);
    EmostreamConfigDef.duration(def, TRANSCRIPT_TIMEOUT_CONFIG, TRANSCRIPT_TIMEOUT_DEFAULT, ms, day, Importance.MEDIUM,
        TRANSCRIPT_TIMEOUT_DOC);
    EmostreamConfigDef.duration(def, MAX_UTTERANCE_CONFIG, MAX_UTTERANCE_DEFAULT, ms, day, Importance.MEDIUM, MAX_UTTERANCE_DOC);
    EmostreamConfigDef.duration(def, MAX_CHUNK_CONFIG, MAX_CHUNK_DEFAULT, ms, day, Importance.LOW, MAX_CHUNK_DOC);
    def.define(MIN_SAMPLE_RATE_CONFIG, Type.INT, MIN_SAMPLE_RATE_DEFAULT, Validators.intIn(8_000, 48_000),
            Importance.LOW, MIN_SAMPLE_RATE_DOC)
        .define(MAX_SAMPLE_RATE_CONFIG, Type.INT, MAX_SAMPLE_RATE_DEFAULT, Validators.intIn(8_000, 48_000),
            Importance.LOW, MAX_SAMPLE_RATE_DOC)
        .define(MAX_TEXT_LENGTH_CONFIG, Type.INT, MAX_TEXT_LENGTH_DEFAULT, Validators.intIn(1, 1_000_000),
            Importance.LOW, MAX_TEXT_LENGTH_DOC);
    EmostreamConfigDef.duration(def, AUDIO_RETENTION_CONFIG, AUDIO_RETENTION_DEFAULT, ms, day, Importance.LOW, AUDIO_RETENTION_DOC);
    EmostreamConfigDef.duration(def, CALL_IDLE_TIMEOUT_CONFIG, CALL_IDLE_TIMEOUT_DEFAULT, ms, Duration.ofDays(7), Importance.MEDIUM,
        CALL_IDLE_TIMEOUT_DOC);
    EmostreamConfigDef.duration(def, PUNCTUATE_INTERVAL_CONFIG, PUNCTUATE_INTERVAL_DEFAULT, ms, Duration.ofHours(1), Importance.LOW,
        PUNCTUATE_INTERVAL_DOC);
    EmostreamConfigDef.duration(def, VAD_FRAME_CONFIG, VAD_FRAME_DEFAULT, Duration.ofMillis(10), Duration.ofMillis(50),
        Importance.LOW, VAD_FRAME_DOC);
    def.define(VAD_THRESHOLD_DB_CONFIG, Type.DOUBLE, VAD_THRESHOLD_DB_DEFAULT, Validators.doubleIn(0, 100),
            Importance.LOW, VAD_THRESHOLD_DB_DOC)
        .define(VAD_MIN_LEVEL_DBFS_CONFIG, Type.DOUBLE, VAD_MIN_LEVEL_DBFS_DEFAULT, Validators.doubleIn(-200, 0),
            Importance.LOW, VAD_MIN_LEVEL_DBFS_DOC);
    EmostreamConfigDef.duration(def, VAD_MIN_UTTERANCE_CONFIG, VAD_MIN_UTTERANCE_DEFAULT, Duration.ZERO, day, Importance.LOW,
        VAD_MIN_UTTERANCE_DOC);
    EmostreamConfigDef.duration(def, VAD_MAX_UTTERANCE_CONFIG, VAD_MAX_UTTERANCE_DEFAULT, ms, day, Importance.LOW,
        VAD_MAX_UTTERANCE_DOC);
    EmostreamConfigDef.duration(def, VAD_HANGOVER_CONFIG, VAD_HANGOVER_DEFAULT, Duration.ZERO, day, Importance.LOW, VAD_HANGOVER_DOC);
    return def.define(STORE_TYPE_CONFIG, Type.STRING, STORE_TYPE_DEFAULT, Validators.oneOf("rocksdb", "in-memory"),
        Importance.LOW, STORE_TYPE_DOC);
  }
}
