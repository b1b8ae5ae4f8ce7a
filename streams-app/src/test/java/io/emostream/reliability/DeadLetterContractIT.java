package io.emostream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.app.StreamsSettings;
import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import io.emostream.deadletters.DeadLetterCounter;
import io.emostream.deadletters.DeadLetterHeaders;
import io.emostream.deadletters.DeadLetterReason;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.scoring.FixedOutputModel;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.FailingSerializer;
import io.emostream.testing.ThrowingProcessor;
import io.emostream.testing.TopicIO;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One dead-letter contract, on a real broker with exactly-once: every writer of
 * {@code emotion.dead-letters} (validation, assembly, scoring, and Kafka Streams' deserialization,
 * processing and production handlers) is made to write one letter; a plain {@link KafkaConsumer}
 * reads them all back and finds the same header set on each, with the reason and stage of its
 * writer; and each is counted in the dead-letter metric by reason.
 *
 * <p>The app covers validation, assembly, scoring and deserialization (garbage on
 * {@code emotion.utterances}, which the group windows read with the Avro serde). Processing and
 * production failures cannot be provoked through the app's inputs (its processors handle what they
 * read), so a small Streams application configured as the app is ({@link StreamsSettings}:
 * exactly-once, the same handlers) throws and fails to serialize, writing to the same topic. (A
 * record the broker refuses is not dead-lettered, for the reasons {@code DeadLetteringProductionHandler}
 * gives.)
 */
class DeadLetterContractIT {

  private static final int RATE = 16_000;

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldWriteEveryKindOfDeadLetterWithOneHeaderSetAndCountIt() throws Exception {
    FaultTestSetup setup = new FaultTestSetup("dlq-contract", kafka, registry);
    String dlq = setup.names.deadLetters();
    Map<String, String> settings = setup.settings("inproc");
    settings.put("assembly.max-wait", "1s"); // the poison transcript is scored text-only, soon
    settings.put("inference.retries", "1");
    settings.put("inference.retry-backoff", "50ms");

    Map<String, Integer> expected = new TreeMap<>();
    Map<String, String> stageOf = new HashMap<>();
    try (EmostreamApp app = EmostreamApp.start(EmostreamConfig.of(settings), new FixedOutputModel(), true, null)) {
      Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);
      publishAppFailures(setup, expected, stageOf);
      try (SideApp side = SideApp.start(kafka.bootstrapServers(), dlq, setup.prefix,
               List.of("fine", ThrowingProcessor.BOOM, "unwritable", "fine again"))) {
        expect(expected, stageOf, DeadLetterReason.STREAMS_PROCESSING_ERROR, "processing");
        expect(expected, stageOf, DeadLetterReason.SERIALIZATION_FAILED, "production");
        List<ConsumerRecord<byte[], byte[]>> letters = readLetters(dlq, total(expected));

        Map<String, Integer> byReason = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
          String reason = header(letter, DeadLetterHeaders.REASON);
          byReason.merge(reason, 1, Integer::sum);
          assertThat(keys(letter)).as("headers of the %s letter", reason).containsAll(DeadLetterHeaders.ALL)
              .noneMatch(k -> k.startsWith("__streams.errors."));
          assertThat(header(letter, DeadLetterHeaders.STAGE)).as("stage of %s", reason).isEqualTo(stageOf.get(reason));
          assertThat(header(letter, DeadLetterHeaders.DETAIL)).as("detail of %s", reason).isNotBlank();
          assertThat(header(letter, DeadLetterHeaders.CALL_ID)).as("call of %s", reason).isNotBlank();
          assertThat(Integer.parseInt(header(letter, DeadLetterHeaders.PARTITION))).isGreaterThanOrEqualTo(-1);
          assertThat(Long.parseLong(header(letter, DeadLetterHeaders.OFFSET))).isGreaterThanOrEqualTo(-1);
          if (!reason.equals("MODEL_FAILED")) { // an utterance has no single source record
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).as("source topic of %s", reason).isNotBlank();
            assertThat(Long.parseLong(header(letter, DeadLetterHeaders.OFFSET))).isNotNegative();
          }
        }
        System.out.println("[dlq-contract] dead letters by reason: " + byReason);
        assertThat(byReason).isEqualTo(expected);
        assertThat(letters).filteredOn(l -> header(l, DeadLetterHeaders.REASON).equals("MODEL_FAILED")).singleElement()
            .satisfies(l -> {
              assertThat(header(l, DeadLetterHeaders.UTTERANCE_ID)).isEqualTo("poison-1");
              assertThat(header(l, DeadLetterHeaders.EXCEPTION)).isEqualTo("io.emostream.model.ModelException");
            });

        Map<String, Double> counted = countedByReason(app.metrics());
        side.counter.metrics().forEach((name, metric) -> counted.merge(
            name.tags().get("emostream-dead-letters-id"), (Double) metric.metricValue(), Double::sum));
        Map<String, Double> wanted = new TreeMap<>();
        expected.forEach((reason, n) -> wanted.put(reason.toLowerCase(), (double) n));
        assertThat(counted).as("dead letters counted by reason").isEqualTo(wanted);
      }
    }
  }

  /** One letter each from validation (2), assembly, scoring and the deserialization handler. */
  private void publishAppFailures(FaultTestSetup setup, Map<String, Integer> expected, Map<String, String> stageOf)
      throws Exception {
    TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);
    String call = "dlq-call-" + UUID.randomUUID();
    byte[] noise = new byte[80];
    noise[0] = 7;
    io.publishRaw(setup.names.audio(), call, noise);
    expect(expected, stageOf, DeadLetterReason.UNDECODABLE, "validation");
    List<SpecificRecord> records = new ArrayList<>();
    records.add(transcript(call, "backwards-1", 2_000, 1_000, "backwards"));
    expect(expected, stageOf, DeadLetterReason.INVALID_TIMES, "validation");
    records.add(chunk(call, 5, 0));
    records.add(chunk(call, 3, 100)); // a later start with a lower sequence
    expect(expected, stageOf, DeadLetterReason.SEQUENCE_CONFLICT, "assembly");
    records.add(CallEvent.newBuilder().setCallId(call).setType(CallEventType.CALL_STARTED).setTimestamp(Instant.now())
        .setTenant("acme").setAgentId("agent-1").setQueue("billing")
        .setChannels(List.of(ChannelRole.newBuilder().setChannel(1).setRole(SpeakerRole.CUSTOMER).build())).build());
    records.add(transcript(call, "poison-1", 0, 1_000, "this is poison"));
    expect(expected, stageOf, DeadLetterReason.MODEL_FAILED, "scoring");
    io.publish(setup.names, records);
    io.publishRaw(setup.names.utterances(), call, "not a scored utterance".getBytes(StandardCharsets.UTF_8));
    expect(expected, stageOf, DeadLetterReason.DESERIALIZATION_FAILED, "deserialization");
  }

  private static void expect(Map<String, Integer> expected, Map<String, String> stageOf, DeadLetterReason reason,
      String stage) {
    expected.merge(reason.name(), 1, Integer::sum);
    stageOf.put(reason.name(), stage);
  }

  private static AudioChunk chunk(String call, long sequence, long startMs) {
    return AudioChunk.newBuilder().setCallId(call).setChannel(0).setSequence(sequence).setStartMs(startMs)
        .setSampleRate(RATE).setEncoding(AudioEncoding.PCM_S16LE).setPayload(ByteBuffer.wrap(new byte[3_200])).build();
  }

  private static TranscriptSegment transcript(String call, String id, long startMs, long endMs, String text) {
    return TranscriptSegment.newBuilder().setCallId(call).setUtteranceId(id).setChannel(1).setStartMs(startMs)
        .setEndMs(endMs).setText(text).setIsFinal(true).setConfidence(0.9f).build();
  }

  private List<ConsumerRecord<byte[], byte[]>> readLetters(String topic, int wanted) {
    List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "dlq-contract-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Awaitility.await("dead letters").atMost(Duration.ofSeconds(90)).until(() -> {
        consumer.poll(Duration.ofMillis(300)).forEach(letters::add);
        return letters.size() >= wanted;
      });
      consumer.poll(Duration.ofSeconds(2)).forEach(letters::add); // extra letters show in the assertion
    }
    return letters;
  }

  private static Map<String, Double> countedByReason(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Double> counted = new TreeMap<>();
    metrics.forEach((name, metric) -> {
      if (name.name().equals("dead-letter-total") && metric.metricValue() instanceof Number n && n.doubleValue() > 0) {
        counted.merge(name.tags().get("emostream-dead-letters-id"), n.doubleValue(), Double::sum);
      }
    });
    return counted;
  }

  private static int total(Map<String, Integer> expected) {
    return expected.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static List<String> keys(ConsumerRecord<byte[], byte[]> r) {
    List<String> keys = new ArrayList<>();
    for (Header h : r.headers()) {
      keys.add(h.key());
    }
    return keys;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? "(missing " + name + ")" : new String(h.value(), StandardCharsets.UTF_8);
  }

  /**
   * A small Streams application with the app's Streams settings: "boom" makes its processor throw
   * and "unwritable" cannot be serialized.
   */
  private static final class SideApp implements AutoCloseable {

    final DeadLetterCounter counter;
    private final KafkaStreams streams;

    private SideApp(KafkaStreams streams, DeadLetterCounter counter) {
      this.streams = streams;
      this.counter = counter;
    }

    static SideApp start(String bootstrap, String dlq, String prefix, List<String> values) throws Exception {
      String in = prefix + "side-in";
      String out = prefix + "side-out";
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1))).all().get();
      }
      Topology topology = new Topology();
      topology.addSource("side-source", new StringDeserializer(), new StringDeserializer(), in);
      topology.addProcessor("side-thrower", ThrowingProcessor::new, "side-source");
      topology.addSink("side-out-sink", out, new StringSerializer(), FailingSerializer.failingOn("unwritable"), "side-thrower");
      Properties props = StreamsSettings.from(EmostreamConfig.of(Map.of(
          "bootstrap.servers", bootstrap,
          "application.id", prefix + "side",
          "state.dir", FaultTestSetup.target().resolve("reliability").resolve(prefix + "side").toString(),
          "commit.interval.ms", "200")), dlq);
      DeadLetterCounter counter = new DeadLetterCounter();
      props.put(DeadLetterCounter.CONFIG, counter);
      KafkaStreams streams = new KafkaStreams(topology, props);
      streams.start();
      SideApp app = new SideApp(streams, counter);
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

      try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.<String, Object>of(
          "bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
        for (String value : values) {
          producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(in, "side-call", value)).get();
        }
      }
      return app;
    }

    @Override
    public void close() {
      streams.close(Duration.ofSeconds(30));
    }
  }
}
