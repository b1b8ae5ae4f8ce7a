package io.emostream.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Serde settings under Confluent's keys. The registry connection itself is configured by
 * {@link io.emostream.schemas.registry.SchemaRegistryClientConfig} from the same map, and only
 * when the serde was not given a client.
 */
public final class AvroSerdeConfig extends AbstractConfig {

  public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
  private static final String AUTO_REGISTER_SCHEMAS_DOC =
      "Register the record's schema under its subject on first use. When false, the schema must "
          + "already be registered (looked up by content) unless use.latest.version is set.";

  public static final String USE_LATEST_VERSION_CONFIG = "use.latest.version";
  private static final String USE_LATEST_VERSION_DOC =
      "Serialize with the subject's latest registered schema instead of registering the "
          + "record's own; the latest must be able to read the record's schema.";

  public static final String KEY_SUBJECT_NAME_STRATEGY_CONFIG = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY_CONFIG = "value.subject.name.strategy";
  private static final String SUBJECT_NAME_STRATEGY_DOC =
      "TopicNameStrategy (default), RecordNameStrategy or TopicRecordNameStrategy; Confluent's "
          + "class names io.confluent.kafka.serializers.subject.* are accepted too.";

  public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
  private static final String SPECIFIC_AVRO_READER_DOC =
      "Accepted for compatibility with Confluent configs; this deserializer always returns "
          + "generated SpecificRecord classes.";

  public static final String SPECIFIC_AVRO_KEY_TYPE_CONFIG = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE_CONFIG = "specific.avro.value.type";
  private static final String SPECIFIC_AVRO_TYPE_DOC =
      "Generated class to read into when the deserializer was not given one; by default the "
          + "class named by the writer schema's full name.";

  private static final ConfigDef CONFIG_DEF = new ConfigDef()
      .define(AUTO_REGISTER_SCHEMAS_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
          AUTO_REGISTER_SCHEMAS_DOC)
      .define(USE_LATEST_VERSION_CONFIG, Type.BOOLEAN, false, Importance.LOW,
          USE_LATEST_VERSION_DOC)
      .define(KEY_SUBJECT_NAME_STRATEGY_CONFIG, Type.STRING, "TopicNameStrategy",
          strategyValidator(), Importance.LOW, SUBJECT_NAME_STRATEGY_DOC)
      .define(VALUE_SUBJECT_NAME_STRATEGY_CONFIG, Type.STRING, "TopicNameStrategy",
          strategyValidator(), Importance.LOW, SUBJECT_NAME_STRATEGY_DOC)
      .define(SPECIFIC_AVRO_READER_CONFIG, Type.BOOLEAN, true, Importance.LOW,
          SPECIFIC_AVRO_READER_DOC)
      .define(SPECIFIC_AVRO_KEY_TYPE_CONFIG, Type.STRING, null, Importance.LOW,
          SPECIFIC_AVRO_TYPE_DOC)
      .define(SPECIFIC_AVRO_VALUE_TYPE_CONFIG, Type.STRING, null, Importance.LOW,
          SPECIFIC_AVRO_TYPE_DOC);

  /**
   * @throws ConfigException naming the bad key and the fix
   */
  public AvroSerdeConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props, false);
  }

  public boolean autoRegisterSchemas() {
    return getBoolean(AUTO_REGISTER_SCHEMAS_CONFIG);
  }

  public boolean useLatestVersion() {
    return getBoolean(USE_LATEST_VERSION_CONFIG);
  }

  public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
    String key = isKey ? KEY_SUBJECT_NAME_STRATEGY_CONFIG : VALUE_SUBJECT_NAME_STRATEGY_CONFIG;
    return SubjectNameStrategy.parse(key, getString(key));
  }

  /**
   * The configured target class for keys or values, or null when unset.
   *
   * @throws ConfigException when the class is missing or not a generated Avro record
   */
  public Class<? extends SpecificRecord> specificType(boolean isKey) {
    String key = isKey ? SPECIFIC_AVRO_KEY_TYPE_CONFIG : SPECIFIC_AVRO_VALUE_TYPE_CONFIG;
    String name = getString(key);
    if (name == null || name.isBlank()) {
      return null;
    }
    Class<?> cls;
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      cls = Class.forName(name.trim(), true,
          loader != null ? loader : AvroSerdeConfig.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(key, name, "class not found on the classpath; give the full "
          + "name of a generated Avro class, e.g. io.emostream.avro.AudioChunk");
    }
    if (!SpecificRecord.class.isAssignableFrom(cls)) {
      throw new ConfigException(key, name, "not a generated Avro record (does not implement "
          + "org.apache.avro.specific.SpecificRecord)");
    }
    return cls.asSubclass(SpecificRecord.class);
  }

  private static ConfigDef.Validator strategyValidator() {
    return (name, value) -> SubjectNameStrategy.parse(name, (String) value);
  }
}
