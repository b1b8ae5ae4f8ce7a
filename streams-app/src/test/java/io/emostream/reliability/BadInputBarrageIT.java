package io.emostream.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.TranscriptSegment;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.testing.CallOutputs;
import io.emostream.testing.CallTraffic;
import io.emostream.testing.PacedPublisher;
import io.emostream.testing.RandomModelBundle;
import io.emostream.testing.ScriptedCall;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import io.emostream.deadletters.DeadLetterHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Valid calls with every kind of bad input mixed in: each bad record must land in the
 * dead-letter topic with its reason, the app must stay RUNNING throughout, and the valid calls'
 * scored utterances must equal those of a clean run of the same calls (same ids, labels and
 * probabilities: the random-weight model is deterministic).
 */
class BadInputBarrageIT {

  private static final int RATE = 16_000;

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldDeadLetterEveryBadRecordAndScoreValidCallsAsInACleanRun() throws Exception {
    List<ScriptedCall> calls = CallTraffic.calls("barrage-call-", 3, 6);
    FaultTestSetup clean = new FaultTestSetup("clean", kafka, registry);
    FaultTestSetup dirty = new FaultTestSetup("barrage", kafka, registry);
    TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);

    try (EmostreamApp cleanApp = EmostreamApp.start(config(clean), RandomModelBundle.create(), true, null);
         EmostreamApp dirtyApp = EmostreamApp.start(config(dirty), RandomModelBundle.create(), true, null)) {
      Awaitility.await().atMost(Duration.ofSeconds(90)).until(() ->
          cleanApp.state() == KafkaStreams.State.RUNNING && dirtyApp.state() == KafkaStreams.State.RUNNING);
      Set<KafkaStreams.State> seen = ConcurrentHashMap.newKeySet();
      Thread watcher = watch(dirtyApp, seen);

      Map<String, Integer> expected = publishBarrage(dirty);
      try (PacedPublisher a = new PacedPublisher(clean.names, kafka.bootstrapServers(), registry, calls,
               Duration.ZERO).start();
           PacedPublisher b = new PacedPublisher(dirty.names, kafka.bootstrapServers(), registry, calls,
               Duration.ZERO).start()) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> a.done() && b.done());
      }
      publishBarrage(dirty);

      CallOutputs cleanRun = CallOutputs.read(io, clean.names, calls, Duration.ofSeconds(120));
      CallOutputs dirtyRun = CallOutputs.read(io, dirty.names, calls, Duration.ofSeconds(120));
      cleanRun.assertExactlyOnce(calls);
      dirtyRun.assertExactlyOnce(calls);
      assertSameScores(cleanRun, dirtyRun, calls);

      Map<String, Integer> expectedTwice = new TreeMap<>();
      expected.forEach((reason, n) -> expectedTwice.put(reason, 2 * n));
      Map<String, Integer> byReason = deadLettersByReason(dirty.names.deadLetters(), expectedTwice);
      System.out.println("[barrage] dead letters by reason: " + byReason);
      assertThat(byReason).isEqualTo(expectedTwice);
      assertThat(deadLettersByReason(clean.names.deadLetters(), Map.of())).as("dead letters of the clean run").isEmpty();

      watcher.interrupt();
      assertThat(seen).as("states of the app under the barrage").containsOnly(KafkaStreams.State.RUNNING);
    }
  }

  private EmostreamConfig config(FaultTestSetup setup) {
    Map<String, String> s = setup.settings("inproc");
    // transcripts wait for all their audio, so both runs score identical audio whatever the timing
    s.put("assembly.max-wait", "60s");
    return EmostreamConfig.of(s);
  }

  /**
   * Publishes one of each bad kind to the barrage run's inputs; returns how many dead letters of
   * each reason they must produce. The 10 MB payload is refused by the broker (above the topics'
   * {@code max.message.bytes}), which is the correct outcome: it never reaches the app.
   */
  private Map<String, Integer> publishBarrage(FaultTestSetup dirty) throws Exception {
    Random random = new Random(7);
    String stray = "barrage-stray-" + UUID.randomUUID();
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20);
    try (var serde = new SpecificAvroSerde<SpecificRecord>();
         var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      serde.configure(Map.of("schema.registry.url", registry), false);
      String audio = dirty.names.audio();
      String transcripts = dirty.names.transcripts();
      String events = dirty.names.events();
      // undecodable: random bytes (first byte not the magic 0) and an unknown schema id
      for (String topic : List.of(audio, transcripts, events)) {
        byte[] noise = new byte[64 + random.nextInt(500)];
        random.nextBytes(noise);
        noise[0] = (byte) (1 + random.nextInt(100));
        send(producer, topic, stray, noise);
        send(producer, topic, stray, ByteBuffer.allocate(40).put((byte) 0).putInt(987_654).array());
      }
      // a valid Avro record of the wrong type: a CallEvent on the audio topic
      CallEvent started = CallEvent.newBuilder().setCallId(stray).setType(CallEventType.CALL_STARTED)
          .setTimestamp(Instant.now()).build();
      send(producer, audio, stray, serde.serializer().serialize(events, started));
      // negative and inverted times
      send(producer, audio, stray, serde.serializer().serialize(audio, chunk(stray, -200, RATE, 3_200)));
      send(producer, transcripts, stray, serde.serializer().serialize(transcripts, transcript(stray, -500, 1_000)));
      send(producer, transcripts, stray, serde.serializer().serialize(transcripts, transcript(stray, 9_000, 8_000)));
      // absurd sample rates
      send(producer, audio, stray, serde.serializer().serialize(audio, chunk(stray, 0, 3, 200)));
      send(producer, audio, stray, serde.serializer().serialize(audio, chunk(stray, 0, 1_000_000, 3_200)));
      // an utterance far over assembly.max-utterance (60 s)
      send(producer, transcripts, stray, serde.serializer().serialize(transcripts, transcript(stray, 0, 3_600_000)));
      // 7 MB of audio in one chunk: accepted by the broker, refused as far over assembly.max-chunk
      send(producer, audio, stray, serde.serializer().serialize(audio, chunk(stray, 0, RATE, 7 << 20)));
      // 10 MB: the broker refuses it at produce time
      byte[] huge = serde.serializer().serialize(audio, chunk(stray, 0, RATE, 10 << 20));
      ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> producer.send(new ProducerRecord<>(audio, stray, huge)).get());
      assertThat(refused.getCause()).isInstanceOf(RecordTooLargeException.class);
      producer.flush();
    }
    Map<String, Integer> expected = new TreeMap<>();
    expected.put("UNDECODABLE", 7);
    expected.put("INVALID_POSITION", 2);
    expected.put("INVALID_TIMES", 1);
    expected.put("UNSUPPORTED_SAMPLE_RATE", 2);
    expected.put("UTTERANCE_TOO_LONG", 1);
    expected.put("CHUNK_TOO_LONG", 1);
    return expected;
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  private static AudioChunk chunk(String callId, long startMs, int rate, int bytes) {
    return AudioChunk.newBuilder().setCallId(callId).setChannel(0).setSequence(0).setStartMs(startMs)
        .setSampleRate(rate).setEncoding(AudioEncoding.PCM_S16LE).setPayload(ByteBuffer.wrap(new byte[bytes])).build();
  }

  private static TranscriptSegment transcript(String callId, long startMs, long endMs) {
    return TranscriptSegment.newBuilder().setCallId(callId).setUtteranceId("bad-" + UUID.randomUUID())
        .setChannel(0).setStartMs(startMs).setEndMs(endMs).setText("bad times").setIsFinal(true)
        .setConfidence(0.5f).build();
  }

  private static void assertSameScores(CallOutputs clean, CallOutputs dirty, List<ScriptedCall> calls) {
    Map<String, ScoredUtterance> a = clean.utterancesById();
    Map<String, ScoredUtterance> b = dirty.utterancesById();
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((id, u) -> {
      ScoredUtterance v = b.get(id);
      assertThat(v.getLabel()).as("label of %s", id).isEqualTo(u.getLabel());
      assertThat(v.getAudioCoverage()).as("audio coverage of %s", id).isEqualTo(u.getAudioCoverage());
      // batches differ between runs; padding is masked, so only float rounding may differ
      assertThat(v.getProbabilities().getAngry()).isCloseTo(u.getProbabilities().getAngry(), within(1e-4));
      assertThat(v.getProbabilities().getHappy()).isCloseTo(u.getProbabilities().getHappy(), within(1e-4));
      assertThat(v.getProbabilities().getSad()).isCloseTo(u.getProbabilities().getSad(), within(1e-4));
      assertThat(v.getProbabilities().getNeutral()).isCloseTo(u.getProbabilities().getNeutral(), within(1e-4));
      assertThat(v.getValence()).as("valence of %s", id).isCloseTo(u.getValence(), within(1e-4));
    });
  }

  /** Reads the dead-letter topic until {@code expected} many letters arrived; counts them by reason header. */
  private Map<String, Integer> deadLettersByReason(String topic, Map<String, Integer> expected) {
    int wanted = expected.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Integer> counts = new TreeMap<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "barrage-dlq-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Awaitility.await("dead letters").atMost(Duration.ofSeconds(60)).until(() -> {
        countByReason(consumer.poll(Duration.ofMillis(300)), counts);
        return counts.values().stream().mapToInt(Integer::intValue).sum() >= wanted;
      });
      // letters beyond those expected count under their own reason, so a failure names them
      countByReason(consumer.poll(Duration.ofSeconds(2)), counts);
    }
    return counts;
  }

  private static void countByReason(Iterable<ConsumerRecord<byte[], byte[]>> records, Map<String, Integer> counts) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      Header reason = r.headers().lastHeader(DeadLetterHeaders.REASON);
      String key = reason == null ? "(no emostream reason header)" : new String(reason.value(), StandardCharsets.UTF_8);
      List<String> missing = DeadLetterHeaders.ALL.stream().filter(h -> r.headers().lastHeader(h) == null).toList();
      if (!missing.isEmpty()) {
        key += " (missing " + missing + ")"; // every letter carries the one header set
      }
      counts.merge(key, 1, Integer::sum);
    }
  }

  private static Thread watch(EmostreamApp app, Set<KafkaStreams.State> seen) {
    Thread t = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        seen.add(app.state());
        try {
          Thread.sleep(50); // sampling interval of the watcher, not a wait for a condition
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "state-watcher");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
