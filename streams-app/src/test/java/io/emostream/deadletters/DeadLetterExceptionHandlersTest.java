package io.emostream.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.testing.FailingSerializer;
import io.emostream.testing.ThrowingProcessor;
import io.emostream.topology.StreamsErrorHandling;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Kafka Streams' three exception handlers write the same dead letters as our processors: original
 * bytes, the whole {@link DeadLetterHeaders} set, the reason from {@link DeadLetterReason}, counted.
 */
class DeadLetterExceptionHandlersTest {

  private static final String IN = "calls.in";
  private static final String OUT = "calls.out";
  private static final String DLQ = "emotion.dead-letters";

  private final DeadLetterCounter counter = new DeadLetterCounter();

  @Test
  void shouldDeadLetterARecordASourceNodeCannotDeserializeAndKeepGoing() {
    Topology topology = new Topology();
    topology.addSource("source", Serdes.String().deserializer(), failingOn("garbage"), IN);
    topology.addSink("sink", OUT, new StringSerializer(), new StringSerializer(), "source");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      TestInputTopic<String, String> in = driver.createInputTopic(IN, new StringSerializer(), new StringSerializer());
      in.pipeInput("call-1", "garbage");
      in.pipeInput("call-1", "fine");

      TestRecord<byte[], byte[]> letter = single(driver);
      assertLetter(letter, "DESERIALIZATION_FAILED", "deserialization", IN, "0", "0", "call-1");
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
      assertThat(header(letter.headers(), DeadLetterHeaders.EXCEPTION)).isEqualTo(SerializationException.class.getName());
      assertThat(out(driver).readValuesToList()).containsExactly("fine");
      assertThat(counter.count(DeadLetterReason.DESERIALIZATION_FAILED)).isEqualTo(1);
    }
  }

  @Test
  void shouldDeadLetterTheSourceBytesWhenAProcessorThrowsAndKeepGoing() {
    try (TopologyTestDriver driver = new TopologyTestDriver(throwingTopology(), props())) {
      TestInputTopic<String, String> in = driver.createInputTopic(IN, new StringSerializer(), new StringSerializer());
      in.pipeInput("call-2", "fine");
      in.pipeInput("call-2", "boom");
      in.pipeInput("call-2", "fine again");

      TestRecord<byte[], byte[]> letter = single(driver);
      assertLetter(letter, "STREAMS_PROCESSING_ERROR", "processing", IN, "0", "1", "call-2");
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("call-2");
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("boom");
      assertThat(header(letter.headers(), DeadLetterHeaders.DETAIL)).contains("processor thrower").contains(ThrowingProcessor.MESSAGE);
      assertThat(header(letter.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo(ThrowingProcessor.MESSAGE);
      assertThat(out(driver).readValuesToList()).containsExactly("fine", "fine again");
      assertThat(counter.metrics()).hasSize(1).allSatisfy((name, metric) -> {
        assertThat(name.tags()).containsEntry("emostream-dead-letters-id", "streams_processing_error");
        assertThat(metric.metricValue()).isEqualTo(1.0);
      });
    }
  }

  @Test
  void shouldNotDeadLetterARecordThatFailedOnlyBecauseTheRegistryWasAway() {
    try (TopologyTestDriver driver = new TopologyTestDriver(throwingTopology(), props())) {
      TestInputTopic<String, String> in = driver.createInputTopic(IN, new StringSerializer(), new StringSerializer());
      in.pipeInput("call-3", "registry away");
      in.pipeInput("call-3", "fine");

      assertThat(dlq(driver).isEmpty()).isTrue();
      assertThat(out(driver).readValuesToList()).containsExactly("fine");
    }
  }

  @Test
  void shouldDeadLetterTheSourceOfAnOutputThatCannotBeSerialized() {
    Topology topology = new Topology();
    topology.addSource("source", new StringDeserializer(), new StringDeserializer(), IN);
    topology.addSink("sink", OUT, new StringSerializer(), FailingSerializer.failingOn("unwritable"), "source");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      TestInputTopic<String, String> in = driver.createInputTopic(IN, new StringSerializer(), new StringSerializer());
      in.pipeInput("call-4", "unwritable");
      in.pipeInput("call-4", "fine");

      TestRecord<byte[], byte[]> letter = single(driver);
      assertLetter(letter, "SERIALIZATION_FAILED", "production", IN, "0", "0", "call-4");
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("unwritable");
      assertThat(out(driver).readValuesToList()).containsExactly("fine");
    }
  }

  @Test
  void shouldRetryARetriableSendErrorAndFailOneTheBrokerRefusesForGoodWithoutALetter() {
    DeadLetteringProductionHandler handler = new DeadLetteringProductionHandler();
    handler.configure(configs());
    ErrorHandlerContext context = new Context(IN, 1, 42, "call-5".getBytes(StandardCharsets.UTF_8),
        "input".getBytes(StandardCharsets.UTF_8));
    ProducerRecord<byte[], byte[]> output = new ProducerRecord<>(OUT, "call-5".getBytes(StandardCharsets.UTF_8),
        new byte[10]);

    ProductionExceptionHandler.Response refused = handler.handleError(context, output,
        new RecordTooLargeException("too large"));
    ProductionExceptionHandler.Response retried = handler.handleError(context, output, new TimeoutException("slow"));

    // no letter from the producer's I/O thread: see DeadLetteringProductionHandler
    assertThat(refused.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    assertThat(refused.deadLetterQueueRecords()).isEmpty();
    assertThat(retried.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
  }

  // ---------------------------------------------------------------------------------------------

  private Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "handlers-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    p.put(DeadLetterCounter.CONFIG, counter);
    return StreamsErrorHandling.apply(p, DLQ);
  }

  private Map<String, Object> configs() {
    Map<String, Object> m = new HashMap<>();
    props().forEach((k, v) -> m.put(k.toString(), v));
    return m;
  }

  private static Topology throwingTopology() {
    Topology topology = new Topology();
    topology.addSource("source", new StringDeserializer(), new StringDeserializer(), IN);
    topology.addProcessor("thrower", ThrowingProcessor::new, "source");
    topology.addSink("sink", OUT, new StringSerializer(), new StringSerializer(), "thrower");
    return topology;
  }

  private static Deserializer<String> failingOn(String bad) {
    return (topic, data) -> {
      String s = new String(data, StandardCharsets.UTF_8);
      if (s.equals(bad)) {
        throw new SerializationException("cannot read '" + s + "'");
      }
      return s;
    };
  }

  private static TestOutputTopic<byte[], byte[]> dlq(TopologyTestDriver driver) {
    return driver.createOutputTopic(DLQ, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  private static TestOutputTopic<String, String> out(TopologyTestDriver driver) {
    return driver.createOutputTopic(OUT, new StringDeserializer(), new StringDeserializer());
  }

  private static TestRecord<byte[], byte[]> single(TopologyTestDriver driver) {
    List<TestRecord<byte[], byte[]>> letters = dlq(driver).readRecordsToList();
    assertThat(letters).hasSize(1);
    return letters.get(0);
  }

  private static void assertLetter(TestRecord<byte[], byte[]> letter, String reason, String stage, String topic,
      String partition, String offset, String callId) {
    assertHeaders(letter.headers(), reason, stage, topic, partition, offset, callId);
  }

  private static void assertHeaders(Headers headers, String reason, String stage, String topic, String partition,
      String offset, String callId) {
    assertThat(headers.toArray()).extracting(Header::key).containsAll(DeadLetterHeaders.ALL)
        .noneMatch(k -> k.startsWith("__streams.errors."));
    assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo(reason);
    assertThat(header(headers, DeadLetterHeaders.STAGE)).isEqualTo(stage);
    assertThat(header(headers, DeadLetterHeaders.TOPIC)).isEqualTo(topic);
    assertThat(header(headers, DeadLetterHeaders.PARTITION)).isEqualTo(partition);
    assertThat(header(headers, DeadLetterHeaders.OFFSET)).isEqualTo(offset);
    assertThat(header(headers, DeadLetterHeaders.CALL_ID)).isEqualTo(callId);
    assertThat(header(headers, DeadLetterHeaders.EXCEPTION)).isNotBlank();
    assertThat(header(headers, DeadLetterHeaders.DETAIL)).isNotBlank();
  }

  private static String header(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    assertThat(h).as("header %s", name).isNotNull();
    return new String(h.value(), StandardCharsets.UTF_8);
  }

  /** The handler's view of a record in a task. */
  private record Context(String topic, int partition, long offset, byte[] sourceRawKey, byte[] sourceRawValue)
      implements ErrorHandlerContext {
    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "sink";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, partition);
    }

    @Override
    public long timestamp() {
      return 1_000L;
    }
  }
}
