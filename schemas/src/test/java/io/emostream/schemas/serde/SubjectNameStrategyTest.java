package io.emostream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.AudioChunk;
import io.emostream.schemas.Schemas;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectNameStrategyTest {
  private static final Schema AUDIO = Schemas.schemaOf(AudioChunk.class);

  @Test
  void shouldNameTopicSubjectsWithValueAndKeySuffix() {
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("calls.audio", false, AUDIO))
        .isEqualTo("calls.audio-value");
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("calls.audio", true, AUDIO))
        .isEqualTo("calls.audio-key");
  }

  @Test
  void shouldNameRecordSubjectsByFullRecordName() {
    assertThat(SubjectNameStrategy.RECORD_NAME.subject("calls.audio", false, AUDIO))
        .isEqualTo("io.emostream.avro.AudioChunk");
    assertThat(SubjectNameStrategy.RECORD_NAME.subject(null, true, AUDIO))
        .isEqualTo("io.emostream.avro.AudioChunk");
  }

  @Test
  void shouldNameTopicRecordSubjectsByTopicAndRecordName() {
    assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("calls.audio", false, AUDIO))
        .isEqualTo("calls.audio-io.emostream.avro.AudioChunk");
  }

  @Test
  void shouldRejectTopicStrategyWithoutTopic() {
    assertThatThrownBy(() -> SubjectNameStrategy.TOPIC_NAME.subject(null, false, AUDIO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RecordNameStrategy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
      "TopicRecordNameStrategy", "topicrecordnamestrategy", "TOPIC_RECORD_NAME"})
  void shouldAcceptConfluentClassNamesAndShortNames(String value) {
    assertThat(SubjectNameStrategy.parse("value.subject.name.strategy", value))
        .isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
  }

  @Test
  void shouldRejectUnknownStrategyNamingKeyAndChoices() {
    assertThatThrownBy(() -> new AvroSerdeConfig(
        java.util.Map.of("value.subject.name.strategy", "com.example.MyStrategy")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("value.subject.name.strategy")
        .hasMessageContaining("com.example.MyStrategy")
        .hasMessageContaining("TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy");
  }
}
