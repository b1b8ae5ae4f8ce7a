package io.emostream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.ScoredUtterance;
import io.emostream.schemas.SampleRecords;
import io.emostream.schemas.Schemas;
import io.emostream.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecificAvroSerdeTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  static Stream<SpecificRecord> everyTopicRecord() {
    return SampleRecords.all().stream();
  }

  @Test
  void shouldHaveASampleOfEveryTopicRecordType() {
    assertThat(SampleRecords.all()).extracting(Object::getClass)
        .containsExactlyElementsOf(Schemas.TOPIC_VALUE_CLASSES);
  }

  @ParameterizedTest
  @MethodSource("everyTopicRecord")
  void shouldRoundTripEveryTopicRecordType(SpecificRecord record) {
    try (SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(registry)) {
      byte[] bytes = serde.serializer().serialize("topic", record);
      SpecificRecord back = serde.deserializer().deserialize("topic", bytes);

      assertThat(back).isEqualTo(record).isInstanceOf(record.getClass());
    }
  }

  @Test
  void shouldWriteMagicByteZeroThenBigEndianSchemaIdThenAvroBody() {
    SpecificAvroSerializer<AudioChunk> serializer = new SpecificAvroSerializer<>(registry);

    byte[] bytes = serializer.serialize("calls.audio", SampleRecords.audioChunk());

    int id = registry.getLatestSchemaMetadata("calls.audio-value").id();
    assertThat(id).isEqualTo(1);
    assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, 1);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    assertThat(bytes.length).isGreaterThan(5);
  }

  @Test
  void shouldRegisterOnceAndFetchWriterSchemaOnceForRepeatedRecords() {
    SpecificAvroSerde<AudioChunk> serde = new SpecificAvroSerde<>(registry, AudioChunk.class);
    SpecificAvroDeserializer<AudioChunk> freshReader =
        new SpecificAvroDeserializer<>(registry, AudioChunk.class);

    for (int i = 0; i < 50; i++) {
      byte[] bytes = serde.serializer().serialize("calls.audio", SampleRecords.audioChunk());
      assertThat(freshReader.deserialize("calls.audio", bytes)).isNotNull();
    }

    assertThat(registry.registerCalls()).isEqualTo(1);
    assertThat(registry.getSchemaByIdCalls()).isEqualTo(1);
  }

  @Test
  void shouldMapNullToNullForTombstones() {
    SpecificAvroSerde<AudioChunk> serde = new SpecificAvroSerde<>(registry, AudioChunk.class);

    assertThat(serde.serializer().serialize("calls.audio", null)).isNull();
    assertThat(serde.deserializer().deserialize("calls.audio", null)).isNull();
  }

  @Test
  void shouldRejectWrongMagicByteNamingTopicAndByte() {
    SpecificAvroDeserializer<AudioChunk> deserializer =
        new SpecificAvroDeserializer<>(registry, AudioChunk.class);

    assertThatThrownBy(() -> deserializer.deserialize("calls.audio",
        "{\"callId\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("calls.audio").hasMessageContaining("magic byte 0x7b");
  }

  @Test
  void shouldRejectRecordShorterThanTheHeader() {
    SpecificAvroDeserializer<AudioChunk> deserializer =
        new SpecificAvroDeserializer<>(registry, AudioChunk.class);

    assertThatThrownBy(() -> deserializer.deserialize("calls.audio", new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 byte(s) long").hasMessageContaining("at least 5");
  }

  @Test
  void shouldRejectTruncatedBody() {
    SpecificAvroSerde<AudioChunk> serde = new SpecificAvroSerde<>(registry, AudioChunk.class);
    byte[] bytes = serde.serializer().serialize("calls.audio", SampleRecords.audioChunk());

    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> serde.deserializer().deserialize("calls.audio", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("truncated or corrupt").hasMessageContaining("schema id 1");
  }

  @Test
  void shouldRejectTrailingBytesAfterTheBody() {
    SpecificAvroSerde<AudioChunk> serde = new SpecificAvroSerde<>(registry, AudioChunk.class);
    byte[] bytes = serde.serializer().serialize("calls.audio", SampleRecords.audioChunk());

    byte[] padded = Arrays.copyOf(bytes, bytes.length + 2);

    assertThatThrownBy(() -> serde.deserializer().deserialize("calls.audio", padded))
        .isInstanceOf(SerializationException.class).hasMessageContaining("left over");
  }

  @Test
  void shouldRejectUnknownSchemaIdAsSerializationError() {
    SpecificAvroDeserializer<AudioChunk> deserializer =
        new SpecificAvroDeserializer<>(registry, AudioChunk.class);

    assertThatThrownBy(() -> deserializer.deserialize("calls.audio",
        new byte[] {0, 0, 0, 0, 42, 2, 'a'}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 42").hasMessageContaining("calls.audio");
  }

  @Test
  void shouldRejectRecordOfAnotherTypeThanTheConfiguredClass() {
    byte[] bytes = new SpecificAvroSerializer<ScoredUtterance>(registry)
        .serialize("calls.audio", SampleRecords.scoredUtterance());
    // the subject was empty, so the registry accepted a ScoredUtterance on the audio topic
    SpecificAvroDeserializer<AudioChunk> deserializer =
        new SpecificAvroDeserializer<>(registry, AudioChunk.class);

    assertThatThrownBy(() -> deserializer.deserialize("calls.audio", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot be read as io.emostream.avro.AudioChunk");
  }

  @Test
  void shouldReadIntoConfiguredClassWhenBuiltByClassName() {
    byte[] bytes = new SpecificAvroSerializer<AudioChunk>(registry)
        .serialize("calls.audio", SampleRecords.audioChunk());
    SpecificAvroDeserializer<SpecificRecord> deserializer =
        new SpecificAvroDeserializer<>(registry);
    deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE_CONFIG,
        AudioChunk.class.getName()), false);

    assertThat(deserializer.deserialize("calls.audio", bytes))
        .isEqualTo(SampleRecords.audioChunk());
  }

  @Test
  void shouldRejectUnknownSpecificTypeClassNamingTheKey() {
    SpecificAvroDeserializer<SpecificRecord> deserializer =
        new SpecificAvroDeserializer<>(registry);

    assertThatThrownBy(() -> deserializer.configure(
        Map.of(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE_CONFIG, "io.emostream.avro.Nope"), false))
        .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
        .hasMessageContaining("specific.avro.value.type").hasMessageContaining("not found");
  }

  @Test
  void shouldRegisterUnderRecordNameWhenConfigured() {
    SpecificAvroSerializer<AudioChunk> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY_CONFIG,
        "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false);

    serializer.serialize("calls.audio", SampleRecords.audioChunk());

    assertThat(registry.subjects()).containsExactly("io.emostream.avro.AudioChunk");
  }

  @Test
  void shouldRegisterKeySubjectWhenConfiguredAsKey() {
    SpecificAvroSerializer<AudioChunk> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(), true);

    serializer.serialize("calls.audio", SampleRecords.audioChunk());

    assertThat(registry.subjects()).containsExactly("calls.audio-key");
  }

  @Test
  void shouldNotCallAnyRegistryWhenConfiguredWithInjectedClient() {
    SpecificAvroSerde<AudioChunk> serde = new SpecificAvroSerde<>(registry, AudioChunk.class);
    // no schema.registry.url: the injected client is used, no HTTP client is built
    serde.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "true"), false);

    byte[] bytes = serde.serializer().serialize("calls.audio", SampleRecords.audioChunk());

    assertThat(serde.deserializer().deserialize("calls.audio", bytes))
        .isEqualTo(SampleRecords.audioChunk());
  }

  @Test
  void shouldRejectMissingUrlWhenConfiguredWithoutClient() {
    SpecificAvroSerde<AudioChunk> serde = new SpecificAvroSerde<>(AudioChunk.class);

    assertThatThrownBy(() -> serde.configure(Map.of(), false))
        .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
        .hasMessageContaining("schema.registry.url is missing");
  }

  @Test
  void shouldFailClearlyWhenUsedByClassNameWithoutConfigure() {
    SpecificAvroSerializer<AudioChunk> serializer = new SpecificAvroSerializer<>();

    assertThatThrownBy(() -> serializer.serialize("calls.audio", SampleRecords.audioChunk()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("schema.registry.url");
  }
}
