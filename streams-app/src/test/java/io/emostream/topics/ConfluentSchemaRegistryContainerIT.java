package io.emostream.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.schemas.SampleRecords;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.avro.AudioChunk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Our serde against Confluent's own Schema Registry and the official Apache Kafka image. Needs a
 * Docker engine: where there is none (as on the project's CI machines) JUnit reports the class
 * as skipped, never failed; the same behaviour is covered against the dev registry by
 * {@link SchemaRegistrySerdeIT}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryContainerIT {

  private static final Network NETWORK = Network.newNetwork();

  @Container
  private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0")
      .withNetwork(NETWORK)
      .withListener("kafka:19092");

  @Container
  private static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.0")
      .withNetwork(NETWORK)
      .withExposedPorts(8081)
      .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
      .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
      .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
      .dependsOn(KAFKA)
      .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

  @Test
  void shouldRoundTripThroughConfluentSchemaRegistryAndOfficialKafka() {
    String url = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
    AudioChunk chunk = SampleRecords.audioChunk();
    try (var serde = new SpecificAvroSerde<>(AudioChunk.class)) {
      serde.configure(Map.of("schema.registry.url", url), false);
      try (var producer = new KafkaProducer<>(Map.<String, Object>of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
          new StringSerializer(), serde.serializer())) {
        producer.send(new ProducerRecord<>("calls.audio", chunk.getCallId(), chunk)).get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "confluent-it",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
          new StringDeserializer(), serde.deserializer())) {
        consumer.subscribe(List.of("calls.audio"));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
          for (var record : consumer.poll(Duration.ofMillis(500))) {
            assertThat(record.value()).isEqualTo(chunk);
            return;
          }
        }
      }
    }
    throw new AssertionError("the record did not come back within 60 s");
  }
}
