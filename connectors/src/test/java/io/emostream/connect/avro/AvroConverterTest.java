package io.emostream.connect.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.CallEvent;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.TranscriptSegment;
import io.emostream.schemas.SampleRecords;
import io.emostream.schemas.registry.InMemorySchemaRegistryClient;
import io.emostream.schemas.serde.SpecificAvroSerde;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroConverterTest {
  private InMemorySchemaRegistryClient registry;
  private SpecificAvroSerde<SpecificRecord> serde;
  private AvroConverter converter;

  @BeforeEach
  void setUp() {
    registry = new InMemorySchemaRegistryClient();
    serde = new SpecificAvroSerde<>(registry);
    converter = new AvroConverter(registry);
    converter.configure(Map.of(), false);
  }

  @Test
  void shouldTurnNestedRecordsEnumsAndArraysIntoAStruct() {
    ScoredUtterance u = SampleRecords.scoredUtterance();

    SchemaAndValue data = toConnect("emotion.utterances", u);

    Struct s = (Struct) data.value();
    assertThat(data.schema().name()).isEqualTo("io.emostream.avro.ScoredUtterance");
    assertThat(s.getString("callId")).isEqualTo(SampleRecords.CALL_ID);
    assertThat(s.getInt32("channel")).isEqualTo(1);
    assertThat(s.getInt64("startMs")).isEqualTo(1_000L);
    assertThat(s.getString("label")).isEqualTo("ANGRY");
    assertThat(data.schema().field("label").schema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(s.getStruct("probabilities").getFloat64("angry")).isEqualTo(0.8);
    assertThat(s.getFloat64("valence")).isEqualTo(-0.7);
    assertThat(s.getArray("modalities")).containsExactly("AUDIO", "TEXT");
    assertThat(s.getStruct("context").getString("tenant")).isEqualTo("acme");
    assertThat(data.schema().field("text").schema().isOptional()).isTrue();
    assertThat(data.schema().field("valence").schema().isOptional()).isFalse();
  }

  @Test
  void shouldTurnTimestampMillisIntoConnectTimestamps() {
    SchemaAndValue data = toConnect("emotion.utterances", SampleRecords.scoredUtterance());

    Schema timings = data.schema().field("timings").schema();
    assertThat(timings.field("scoredAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(timings.field("transcriptTimestamp").schema().isOptional()).isTrue();
    assertThat(((Struct) data.value()).getStruct("timings").get("scoredAt"))
        .isEqualTo(new Date(1_700_000_002_650L));
  }

  @Test
  void shouldTurnMapsBytesFloatsAndOptionalArraysIntoConnectValues() {
    Struct event = (Struct) toConnect("calls.events", SampleRecords.callStarted()).value();
    assertThat(event.getMap("attributes")).isEqualTo(Map.of("campaign", "renewals"));
    assertThat(event.getArray("channels")).hasSize(2);

    Struct transcript = (Struct) toConnect("calls.transcripts",
        SampleRecords.transcriptSegment()).value();
    assertThat(transcript.getFloat32("confidence")).isEqualTo(0.91f);
    assertThat(transcript.getArray("words")).singleElement()
        .satisfies(w -> assertThat(((Struct) w).getString("word")).isEqualTo("this"));

    Struct chunk = (Struct) toConnect("calls.audio", SampleRecords.audioChunk()).value();
    assertThat(chunk.getBytes("payload")).containsExactly(1, 2, 3, 0xff);
  }

  @Test
  void shouldLeaveAbsentOptionalFieldsNull() {
    TranscriptSegment bare = TranscriptSegment.newBuilder(SampleRecords.transcriptSegment())
        .setConfidence(null).setWords(null).setLanguage(null).build();

    Struct s = (Struct) toConnect("calls.transcripts", bare).value();

    assertThat(s.get("confidence")).isNull();
    assertThat(s.get("words")).isNull();
  }

  @Test
  void shouldRoundTripEveryContractThroughConnectAndBack() {
    for (SpecificRecord original : SampleRecords.all()) {
      String topic = "roundtrip." + original.getSchema().getName();
      SchemaAndValue data = toConnect(topic, original);

      byte[] back = converter.fromConnectData(topic + ".out", data.schema(), data.value());

      assertThat(serde.deserializer().deserialize(topic + ".out", back))
          .as(original.getSchema().getName()).isEqualTo(original);
    }
  }

  @Test
  void shouldRegisterTheSchemaOnceAndWriteTheConfluentWireFormat() {
    SchemaAndValue data = toConnect("alerts", SampleRecords.emotionAlert());
    int before = registry.registerCalls();

    byte[] first = converter.fromConnectData("alerts.copy", data.schema(), data.value());
    converter.fromConnectData("alerts.copy", data.schema(), data.value());

    assertThat(registry.registerCalls() - before).isEqualTo(1);
    assertThat(first[0]).isZero();
    int id = ByteBuffer.wrap(first, 1, 4).getInt();
    assertThat(registry.getSchemaById(id).getFullName())
        .isEqualTo(EmotionAlert.getClassSchema().getFullName());
  }

  @Test
  void shouldConvertDecimalsAndDates() throws Exception {
    org.apache.avro.Schema decimal = LogicalTypes.decimal(10, 2)
        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES));
    org.apache.avro.Schema date = LogicalTypes.date()
        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
    org.apache.avro.Schema schema = SchemaBuilder.record("test.Money").fields()
        .name("amount").type(decimal).noDefault()
        .name("day").type(date).noDefault().endRecord();
    GenericData.Record record = new GenericData.Record(schema);
    record.put("amount", ByteBuffer.wrap(new BigDecimal("12.34").unscaledValue().toByteArray()));
    record.put("day", 2);

    SchemaAndValue data = converter.toConnectData("money", wire(schema, record));

    Struct s = (Struct) data.value();
    assertThat(data.schema().field("amount").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
    assertThat(s.get("amount")).isEqualTo(new BigDecimal("12.34"));
    assertThat(s.get("day")).isEqualTo(new Date(2 * 86_400_000L));
  }

  @Test
  void shouldNotAllowBytesOutsideTheWireFormat() {
    assertThatThrownBy(() -> converter.toConnectData("calls.events", "{\"json\":1}".getBytes()))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("calls.events")
        .hasMessageContaining("magic byte");
  }

  @Test
  void shouldNotAllowUnionsOfSeveralTypes() throws Exception {
    org.apache.avro.Schema schema = SchemaBuilder.record("test.Multi").fields()
        .name("v").type().unionOf().intType().and().stringType().endUnion().noDefault()
        .endRecord();
    GenericData.Record record = new GenericData.Record(schema);
    record.put("v", 1);

    assertThatThrownBy(() -> converter.toConnectData("multi", wire(schema, record)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("only [null, X] unions");
  }

  @Test
  void shouldPassNullsThrough() {
    assertThat(converter.toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
    assertThat(converter.fromConnectData("t", null, null)).isNull();
  }

  @Test
  void shouldReadSummariesWithArraysOfRecords() {
    CallEmotionSummary summary = SampleRecords.callEmotionSummary();

    Struct s = (Struct) toConnect("emotion.call-summaries", summary).value();

    assertThat(s.getArray("roles")).singleElement()
        .satisfies(r -> assertThat(((Struct) r).getString("role")).isEqualTo("CUSTOMER"));
    assertThat(s.get("startedAt")).isEqualTo(Date.from(summary.getStartedAt()));
    assertThat(s.getFloat64("customerShift")).isEqualTo(0.8);
  }

  @Test
  void shouldKeepEnumSymbolsForTheWayBack() {
    SchemaAndValue data = toConnect("calls.events", SampleRecords.callStarted());

    Schema type = data.schema().field("type").schema();

    assertThat(type.parameters()).containsEntry(AvroToConnect.ENUM_PARAM,
        CallEvent.getClassSchema().getField("type").schema().getFullName());
    assertThat(type.parameters().get(AvroToConnect.ENUM_SYMBOLS_PARAM))
        .isEqualTo("CALL_STARTED,CALL_ENDED,UNKNOWN_EVENT");
    assertThat(List.of(data.schema().field("channels").schema().type()))
        .containsExactly(Schema.Type.ARRAY);
  }

  private SchemaAndValue toConnect(String topic, SpecificRecord record) {
    return converter.toConnectData(topic, serde.serializer().serialize(topic, record));
  }

  private byte[] wire(org.apache.avro.Schema schema, GenericData.Record record) throws Exception {
    int id = registry.register("test-" + schema.getName(), schema);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<Object>(schema).write(record, enc);
    enc.flush();
    return out.toByteArray();
  }
}
