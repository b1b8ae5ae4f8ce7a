package io.emostream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.TranscriptSegment;
import io.emostream.schemas.SampleRecords;
import io.emostream.schemas.Schemas;
import io.emostream.schemas.registry.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Old and new schema versions meeting through the serde, as they do during a rollout. */
class SerdeSchemaEvolutionTest {
  private static final String TOPIC = "calls.transcripts";
  private static final String SUBJECT = TOPIC + "-value";

  /** TranscriptSegment as an older producer knows it: before confidence, words and language. */
  private static final Schema TRANSCRIPT_V0 = new Schema.Parser().parse("""
      {"type": "record", "name": "TranscriptSegment", "namespace": "io.emostream.avro",
       "fields": [
         {"name": "callId", "type": "string"},
         {"name": "utteranceId", "type": "string"},
         {"name": "channel", "type": "int"},
         {"name": "startMs", "type": "long"},
         {"name": "endMs", "type": "long"},
         {"name": "text", "type": "string"},
         {"name": "isFinal", "type": "boolean"}
       ]}""");

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  @Test
  void shouldReadRecordWrittenWithOlderSchemaVersionIntoCurrentClass() throws IOException {
    int oldId = registry.register(SUBJECT, TRANSCRIPT_V0);
    GenericRecord old = new GenericData.Record(TRANSCRIPT_V0);
    old.put("callId", "c1");
    old.put("utteranceId", "u1");
    old.put("channel", 0);
    old.put("startMs", 100L);
    old.put("endMs", 900L);
    old.put("text", "hello there");
    old.put("isFinal", true);

    TranscriptSegment read = new SpecificAvroDeserializer<>(registry, TranscriptSegment.class)
        .deserialize(TOPIC, wire(oldId, TRANSCRIPT_V0, old));

    assertThat(read.getText()).isEqualTo("hello there");
    assertThat(read.getEndMs()).isEqualTo(900L);
    assertThat(read.getConfidence()).as("default of a field v0 lacks").isNull();
    assertThat(read.getWords()).isNull();
    assertThat(read.getLanguage()).isNull();
  }

  @Test
  void shouldRegisterCurrentSchemaAsNextVersionAfterAnOlderCompatibleOne() {
    registry.register(SUBJECT, TRANSCRIPT_V0);

    new SpecificAvroSerializer<TranscriptSegment>(registry)
        .serialize(TOPIC, SampleRecords.transcriptSegment());

    assertThat(registry.versions(SUBJECT)).extracting(v -> v.version()).containsExactly(1, 2);
  }

  @Test
  void shouldWriteWithLatestVersionWhenUseLatestVersionIsSet() {
    registry.register(SUBJECT, Schemas.schemaOf(TranscriptSegment.class));
    Schema newer = withExtraOptionalField(Schemas.schemaOf(TranscriptSegment.class));
    int newerId = registry.register(SUBJECT, newer);
    SpecificAvroSerializer<TranscriptSegment> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, "true"), false);

    byte[] bytes = serializer.serialize(TOPIC, SampleRecords.transcriptSegment());

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(newerId);
    assertThat(registry.registerCalls()).as("no registration by the serializer").isEqualTo(2);
    assertThat(new SpecificAvroDeserializer<>(registry, TranscriptSegment.class)
        .deserialize(TOPIC, bytes)).isEqualTo(SampleRecords.transcriptSegment());
  }

  @Test
  void shouldRefuseUseLatestVersionWhenLatestCannotRepresentTheRecord() {
    registry.setCompatibility(SUBJECT, InMemorySchemaRegistryClient.Compatibility.NONE);
    registry.register(SUBJECT, withExtraRequiredField(Schemas.schemaOf(TranscriptSegment.class)));
    SpecificAvroSerializer<TranscriptSegment> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, "true"), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.transcriptSegment()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot represent io.emostream.avro.TranscriptSegment")
        .hasMessageContaining("speakerName");
  }

  @Test
  void shouldLookUpWithoutRegisteringWhenAutoRegisterIsOff() {
    int id = registry.register(SUBJECT, Schemas.schemaOf(TranscriptSegment.class));
    SpecificAvroSerializer<TranscriptSegment> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "false"), false);

    byte[] bytes = serializer.serialize(TOPIC, SampleRecords.transcriptSegment());

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    assertThat(registry.registerCalls()).isEqualTo(1);
    assertThat(registry.getIdCalls()).isEqualTo(1);
  }

  @Test
  void shouldFailWithFixWhenAutoRegisterIsOffAndSchemaIsNotRegistered() {
    SpecificAvroSerializer<TranscriptSegment> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "false"), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.transcriptSegment()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not registered under subject '" + SUBJECT + "'")
        .hasMessageContaining("auto.register.schemas");
  }

  @Test
  void shouldFailWhenSubjectRejectsAnIncompatibleSchema() {
    Schema audioWithoutPayload = new Schema.Parser().parse("""
        {"type": "record", "name": "AudioChunk", "namespace": "io.emostream.avro",
         "fields": [{"name": "callId", "type": "string"}]}""");
    registry.register("calls.audio-value", audioWithoutPayload);

    assertThatThrownBy(() -> new SpecificAvroSerializer<AudioChunk>(registry)
        .serialize("calls.audio", SampleRecords.audioChunk()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("incompatible with subject 'calls.audio-value'")
        .hasMessageContaining("payload");
  }

  private static Schema withExtraOptionalField(Schema base) {
    return withExtraField(base, "{\"name\": \"speakerName\", \"type\": [\"null\", \"string\"], "
        + "\"default\": null}");
  }

  private static Schema withExtraRequiredField(Schema base) {
    return withExtraField(base, "{\"name\": \"speakerName\", \"type\": \"string\"}");
  }

  private static Schema withExtraField(Schema base, String fieldJson) {
    String json = base.toString();
    int end = json.lastIndexOf("]}");
    return new Schema.Parser().parse(json.substring(0, end) + "," + fieldJson + "]}");
  }

  private static byte[] wire(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
