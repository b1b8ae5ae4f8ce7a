package io.emostream.connect.replay;

import io.emostream.schemas.calls.ReplaySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link CallReplaySourceConnector}. Keys not defined here (the schema registry's
 * {@code basic.auth.*}, {@code schema.registry.ssl.*}, {@code auto.register.schemas}, ...) are
 * passed on to the Avro serializer unchanged.
 */
public final class CallReplayConfig extends AbstractConfig {

  public static final String CALLS_DIR_CONFIG = "calls.dir";
  private static final String CALLS_DIR_DOC = "Directory of recorded calls: <callId>.wav (PCM16, "
      + "mu-law or A-law, mono or stereo) plus <callId>.json (participants and transcript) per "
      + "call. Read when the connector starts; must be readable on every worker.";

  public static final String TOPIC_AUDIO_CONFIG = "topic.audio";
  public static final String TOPIC_AUDIO_DEFAULT = "calls.audio";
  private static final String TOPIC_AUDIO_DOC = "Topic for AudioChunk records.";

  public static final String TOPIC_TRANSCRIPTS_CONFIG = "topic.transcripts";
  public static final String TOPIC_TRANSCRIPTS_DEFAULT = "calls.transcripts";
  private static final String TOPIC_TRANSCRIPTS_DOC = "Topic for final TranscriptSegment records.";

  public static final String TOPIC_EVENTS_CONFIG = "topic.events";
  public static final String TOPIC_EVENTS_DEFAULT = "calls.events";
  private static final String TOPIC_EVENTS_DOC = "Topic for CALL_STARTED and CALL_ENDED events.";

  public static final String REPLAY_SPEED_CONFIG = "replay.speed";
  public static final double REPLAY_SPEED_DEFAULT = 1.0;
  private static final String REPLAY_SPEED_DOC = "How fast call time passes: 1.0 = real time, "
      + "2.0 = twice as fast, 0 = as fast as possible (no waiting at all).";

  public static final String CHUNK_MS_CONFIG = "chunk.ms";
  private static final String CHUNK_MS_DOC = "Milliseconds of audio per AudioChunk (10-10000).";

  public static final String TRANSCRIPT_DELAY_MS_CONFIG = "transcript.delay.ms";
  private static final String TRANSCRIPT_DELAY_MS_DOC = "How long after an utterance ends its "
      + "final transcript is sent, in call-time milliseconds (streaming ASR latency).";

  public static final String CALL_ID_PREFIX_CONFIG = "call.id.prefix";
  public static final String CALL_ID_PREFIX_DEFAULT = "";
  private static final String CALL_ID_PREFIX_DOC = "Put in front of every call id, so the same "
      + "recordings can be replayed as new calls. Part of the source partition: a new prefix "
      + "replays everything from the start.";

  public static final String LOOP_CONFIG = "loop";
  public static final boolean LOOP_DEFAULT = false;
  private static final String LOOP_DOC = "Replay each call again when it has ended, as a new "
      + "call: round n (from 1) adds 'r<n>-' after call.id.prefix.";

  public static final String BATCH_MAX_RECORDS_CONFIG = "batch.max.records";
  public static final int BATCH_MAX_RECORDS_DEFAULT = 500;
  private static final String BATCH_MAX_RECORDS_DOC = "Most records one poll returns.";

  public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
  private static final String SCHEMA_REGISTRY_URL_DOC = "Schema registry (Confluent REST API) "
      + "the Avro values are registered with, e.g. http://registry:8081. The registry client's "
      + "and serializer's other keys (basic.auth.*, auto.register.schemas, ...) pass through.";

  /** Internal: the call ids one task replays, set by the connector. */
  static final String TASK_CALLS_CONFIG = "task.calls";

  public static final ConfigDef CONFIG_DEF = new ConfigDef()
      .define(CALLS_DIR_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(),
          Importance.HIGH, CALLS_DIR_DOC)
      .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
          new NonEmptyString(), Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
      .define(TOPIC_AUDIO_CONFIG, Type.STRING, TOPIC_AUDIO_DEFAULT, new NonEmptyString(),
          Importance.MEDIUM, TOPIC_AUDIO_DOC)
      .define(TOPIC_TRANSCRIPTS_CONFIG, Type.STRING, TOPIC_TRANSCRIPTS_DEFAULT,
          new NonEmptyString(), Importance.MEDIUM, TOPIC_TRANSCRIPTS_DOC)
      .define(TOPIC_EVENTS_CONFIG, Type.STRING, TOPIC_EVENTS_DEFAULT, new NonEmptyString(),
          Importance.MEDIUM, TOPIC_EVENTS_DOC)
      .define(REPLAY_SPEED_CONFIG, Type.DOUBLE, REPLAY_SPEED_DEFAULT, Range.between(0, 1000),
          Importance.MEDIUM, REPLAY_SPEED_DOC)
      .define(CHUNK_MS_CONFIG, Type.INT, ReplaySettings.DEFAULT_CHUNK_MS,
          Range.between(10, 10_000), Importance.LOW, CHUNK_MS_DOC)
      .define(TRANSCRIPT_DELAY_MS_CONFIG, Type.INT, ReplaySettings.DEFAULT_TRANSCRIPT_DELAY_MS,
          Range.between(0, 600_000), Importance.LOW, TRANSCRIPT_DELAY_MS_DOC)
      .define(CALL_ID_PREFIX_CONFIG, Type.STRING, CALL_ID_PREFIX_DEFAULT, prefixValidator(),
          Importance.LOW, CALL_ID_PREFIX_DOC)
      .define(LOOP_CONFIG, Type.BOOLEAN, LOOP_DEFAULT, Importance.LOW, LOOP_DOC)
      .define(BATCH_MAX_RECORDS_CONFIG, Type.INT, BATCH_MAX_RECORDS_DEFAULT,
          Range.between(1, 100_000), Importance.LOW, BATCH_MAX_RECORDS_DOC);

  /** The connector's keys plus the task-only key the connector sets. */
  static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
      .define(TASK_CALLS_CONFIG, Type.LIST, List.of(), Importance.HIGH,
          "Call ids this task replays (set by the connector).");

  /**
   * @throws ConfigException naming the bad key, its value and what is allowed
   */
  public CallReplayConfig(Map<?, ?> props) {
    this(CONFIG_DEF, props);
  }

  CallReplayConfig(ConfigDef def, Map<?, ?> props) {
    super(def, props, false);
  }

  private static ConfigDef.Validator prefixValidator() {
    return (name, value) -> {
      String s = (String) value;
      if (s != null && !s.matches("[A-Za-z0-9._:-]*")) {
        throw new ConfigException(name, value, "a call id prefix may hold only letters, digits "
            + "and . _ : - (it becomes part of every record key)");
      }
    };
  }

  public Path callsDir() {
    return Path.of(getString(CALLS_DIR_CONFIG));
  }

  public String audioTopic() {
    return getString(TOPIC_AUDIO_CONFIG);
  }

  public String transcriptsTopic() {
    return getString(TOPIC_TRANSCRIPTS_CONFIG);
  }

  public String eventsTopic() {
    return getString(TOPIC_EVENTS_CONFIG);
  }

  /** Call-time speed-up; 0 means no waiting. */
  public double replaySpeed() {
    return getDouble(REPLAY_SPEED_CONFIG);
  }

  public ReplaySettings replaySettings() {
    return new ReplaySettings(getInt(CHUNK_MS_CONFIG), getInt(TRANSCRIPT_DELAY_MS_CONFIG));
  }

  public String callIdPrefix() {
    return getString(CALL_ID_PREFIX_CONFIG);
  }

  public boolean loop() {
    return getBoolean(LOOP_CONFIG);
  }

  public int batchMaxRecords() {
    return getInt(BATCH_MAX_RECORDS_CONFIG);
  }

  /** The call ids assigned to a task; empty in a connector-level config. */
  List<String> taskCalls() {
    return values().containsKey(TASK_CALLS_CONFIG) ? getList(TASK_CALLS_CONFIG) : List.of();
  }
}
