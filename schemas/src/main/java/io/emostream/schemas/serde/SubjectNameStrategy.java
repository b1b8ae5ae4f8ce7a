package io.emostream.schemas.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the serializer names the registry subject a schema is registered under; the same three
 * strategies Confluent's serializers offer, so subjects match what other clients produce.
 */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default). */
  TOPIC_NAME("TopicNameStrategy"),
  /** {@code <record full name>}: one lineage per record type, shared by every topic. */
  RECORD_NAME("RecordNameStrategy"),
  /** {@code <topic>-<record full name>}: several record types on one topic. */
  TOPIC_RECORD_NAME("TopicRecordNameStrategy");

  private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  private final String shortName;

  SubjectNameStrategy(String shortName) {
    this.shortName = shortName;
  }

  /** Confluent's simple class name, e.g. {@code TopicNameStrategy}. */
  public String shortName() {
    return shortName;
  }

  /**
   * The subject for a record of {@code schema} on {@code topic}.
   *
   * @param topic the topic; may be null only for {@link #RECORD_NAME}
   * @throws IllegalArgumentException when a topic-based strategy gets no topic
   */
  public String subject(String topic, boolean isKey, Schema schema) {
    if (this != RECORD_NAME && (topic == null || topic.isEmpty())) {
      throw new IllegalArgumentException(shortName + " needs a topic name but none was given "
          + "(record " + schema.getFullName() + "); use RecordNameStrategy for topic-less use.");
    }
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case RECORD_NAME -> schema.getFullName();
      case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
    };
  }

  /**
   * Parses a config value: Confluent's class name
   * ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}), its short name, or this
   * enum's constant name, ignoring case.
   *
   * @param key the config key, named in the error
   * @throws ConfigException for any other value, listing the accepted ones
   */
  public static SubjectNameStrategy parse(String key, String value) {
    String v = value == null ? "" : value.trim();
    if (v.startsWith(CONFLUENT_PACKAGE)) {
      v = v.substring(CONFLUENT_PACKAGE.length());
    }
    for (SubjectNameStrategy s : values()) {
      if (s.shortName.equalsIgnoreCase(v) || s.name().equalsIgnoreCase(v)) {
        return s;
      }
    }
    throw new ConfigException(key, value, "unknown subject name strategy; use one of "
        + "TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy (optionally prefixed "
        + CONFLUENT_PACKAGE.toLowerCase(Locale.ROOT) + ")");
  }
}
