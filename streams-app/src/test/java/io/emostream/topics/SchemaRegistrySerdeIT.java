package io.emostream.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.embedded.FreePorts;
import io.emostream.schemas.SampleRecords;
import io.emostream.schemas.registry.HttpSchemaRegistryClient;
import io.emostream.schemas.registry.IncompatibleSchemaException;
import io.emostream.schemas.registry.RegistryUnreachableException;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our Avro serde against the real embedded broker and the real (Apicurio) dev registry. */
class SchemaRegistrySerdeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registryUrl = SharedDevRegistry.url();

  static Stream<SpecificRecord> inputContracts() {
    return Stream.of(SampleRecords.audioChunk(), SampleRecords.transcriptSegment(), SampleRecords.callStarted());
  }

  @ParameterizedTest
  @MethodSource("inputContracts")
  void shouldRoundTripInputContractsWithWireFormatTheRegistryResolves(SpecificRecord record) throws Exception {
    String topic = "serde-" + record.getSchema().getName() + "-" + UUID.randomUUID();
    kafka.createTopics(1, topic);
    Map<String, String> serdeConfig = Map.of("schema.registry.url", registryUrl);

    try (var serde = serde(record.getClass(), serdeConfig);
         var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), serde.serializer())) {
      producer.send(new ProducerRecord<>(topic, SampleRecords.CALL_ID, record)).get();
    }
    byte[] bytes = readOne(topic);

    assertThat(bytes[0]).as("magic byte").isZero();
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(registeredSchema(id)).isEqualTo(record.getSchema());

    try (var freshSerde = serde(record.getClass(), serdeConfig)) {
      assertThat(freshSerde.deserializer().deserialize(topic, bytes)).isEqualTo(record);
    }
  }

  @Test
  void shouldRejectAnIncompatibleChangeNamingTheSubjectAndWhy() throws Exception {
    String subject = "incompatible-" + UUID.randomUUID() + "-value";
    Schema v1 = SchemaBuilder.record("Probe").namespace("io.emostream.it").fields()
        .requiredString("callId").endRecord();
    Schema v2 = SchemaBuilder.record("Probe").namespace("io.emostream.it").fields()
        .requiredString("callId").requiredInt("mandatoryWithoutDefault").endRecord();
    try (var client = new HttpSchemaRegistryClient(Map.of("schema.registry.url", registryUrl))) {
      setBackwardCompatibility(subject);
      client.register(subject, v1);

      assertThatThrownBy(() -> client.register(subject, v2))
          .isInstanceOf(IncompatibleSchemaException.class)
          .hasMessageContaining(subject)
          .hasMessageContaining("mandatoryWithoutDefault");
    }
  }

  @Test
  void shouldFailFastWithAClearErrorWhenTheRegistryIsDown() {
    String deadUrl = "http://127.0.0.1:" + FreePorts.next() + "/apis/ccompat/v7";
    try (var serde = serde(SampleRecords.audioChunk().getClass(), Map.of("schema.registry.url", deadUrl))) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> serde.serializer().serialize("calls.audio", SampleRecords.audioChunk()))
          .isInstanceOf(RegistryUnreachableException.class)
          .hasMessageContaining(deadUrl.substring(0, deadUrl.indexOf("/apis")));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldRefuseBytesThatAreNotInTheWireFormat() {
    try (var serde = serde(SampleRecords.audioChunk().getClass(), Map.of("schema.registry.url", registryUrl))) {
      assertThatThrownBy(() -> serde.deserializer().deserialize("calls.audio", new byte[] {1, 2, 3, 4, 5, 6}))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("calls.audio");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SpecificAvroSerde<SpecificRecord> serde(Class<?> type, Map<String, String> config) {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>((Class) type);
    serde.configure(config, false);
    return serde;
  }

  private Map<String, Object> producerConfig() {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
  }

  private byte[] readOne(String topic) {
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "serde-it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          return r.value();
        }
      }
    }
    throw new AssertionError("no record on " + topic + " within 30 s");
  }

  private Schema registeredSchema(int id) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
  }

  private void setBackwardCompatibility(String subject) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(registryUrl + "/config/" + subject))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
