package io.emostream.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The {@code topics.*} keys and {@code serde.class}: what emostream's topics are called and how they are read. */
public final class TopicKeys {

  public static final String PREFIX_CONFIG = "topics.prefix";
  public static final String PREFIX_DEFAULT = "";
  static final String PREFIX_DOC = "Put in front of every default topic name; a name set with its own key below is used as given.";

  /** Logical name (and default) of each topic; {@code topics.<logical name>} renames it. */
  public static final List<String> LOGICAL = List.of(
      "calls.audio", "calls.transcripts", "calls.events",
      "emotion.utterances", "emotion.calls", "emotion.agents", "emotion.queues",
      "emotion.call-summaries", "emotion.alerts", "emotion.dead-letters");

  public static final String CREATE_CONFIG = "topics.create";
  public static final boolean CREATE_DEFAULT = false;
  static final String CREATE_DOC = "Create missing topics at start (topics.partitions, topics.replication-factor).";

  public static final String PARTITIONS_CONFIG = "topics.partitions";
  public static final int PARTITIONS_DEFAULT = 3;
  static final String PARTITIONS_DOC = "Partitions of topics emostream creates; input topics must be co-partitioned.";

  public static final String REPLICATION_CONFIG = "topics.replication-factor";
  public static final int REPLICATION_DEFAULT = -1;
  static final String REPLICATION_DOC = "Replication factor of the topics emostream and Kafka Streams create; "
      + "-1 takes the broker's default.";

  public static final String SERDE_CLASS_CONFIG = "serde.class";
  static final String SERDE_CLASS_DOC = "An Avro serde class to use instead of emostream's own (e.g. Confluent's "
      + "SpecificAvroSerde on the class path); unset: emostream's, with schema.registry.url.";

  private TopicKeys() {}

  /** The key that renames the topic {@code logical}. */
  public static String nameConfig(String logical) {
    return "topics." + logical;
  }

  static ConfigDef define(ConfigDef def) {
    def.define(PREFIX_CONFIG, Type.STRING, PREFIX_DEFAULT, Importance.MEDIUM, PREFIX_DOC);
    for (String logical : LOGICAL) {
      def.define(nameConfig(logical), Type.STRING, null, Importance.MEDIUM,
          "Name of the " + logical + " topic; unset: topics.prefix + " + logical + ".");
    }
    return def
        .define(CREATE_CONFIG, Type.BOOLEAN, CREATE_DEFAULT, Importance.MEDIUM, CREATE_DOC)
        .define(PARTITIONS_CONFIG, Type.INT, PARTITIONS_DEFAULT, Validators.intIn(1, 100_000), Importance.LOW,
            PARTITIONS_DOC)
        .define(REPLICATION_CONFIG, Type.INT, REPLICATION_DEFAULT, Validators.intIn(-1, Short.MAX_VALUE),
            Importance.LOW, REPLICATION_DOC)
        .define(SERDE_CLASS_CONFIG, Type.STRING, null, Importance.LOW, SERDE_CLASS_DOC);
  }
}
