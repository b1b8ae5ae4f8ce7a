package io.emostream.connect.replay;

import static io.emostream.schemas.calls.TestCalls.utterance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.connect.testing.InProcessConnect;
import io.emostream.connect.testing.TestEnvironment;
import io.emostream.connect.testing.TopicReader;
import io.emostream.schemas.calls.CallRecording;
import io.emostream.schemas.calls.CallReplayPlan;
import io.emostream.schemas.calls.ReplayRecord;
import io.emostream.schemas.calls.ReplaySettings;
import io.emostream.schemas.calls.TestCalls;
import io.emostream.schemas.serde.SpecificAvroSerde;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay source in a real Connect worker against a real broker and schema registry: what
 * lands on the three topics, pacing, and resuming after a worker restart.
 */
class CallReplaySourceIT {
  private static InProcessConnect.Settings settings;
  private static InProcessConnect worker;
  private static SpecificAvroSerde<SpecificRecord> serde;

  @TempDir
  Path dir;

  @BeforeAll
  static void startWorker() {
    settings = InProcessConnect.settings(TestEnvironment.kafka().bootstrapServers())
        .exactlyOnceSource(true);
    worker = InProcessConnect.start(settings);
    serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", TestEnvironment.registryUrl()), false);
  }

  @AfterAll
  static void stopWorker() {
    if (worker != null) {
      worker.close();
    }
    if (serde != null) {
      serde.close();
    }
  }

  @Test
  void shouldReplayStereoPcmAndMonoMulawCallsAsFastAsPossible() throws Exception {
    TestCalls.writeStereoPcmCall(dir, "stereo", 2000, "[" + utterance("a1", 0, 100, 900, "hello")
        + ", " + utterance("c1", 1, 700, 1900, "my bill is wrong") + "]");
    TestCalls.writeMonoMulawCall(dir, "mulaw", 1500, "[" + utterance("m1", 0, 200, 1400, "hi")
        + "]");
    Topics topics = Topics.create("fast");

    worker.createConnector(topics.prefix, config(topics, Map.of("replay.speed", "0",
        "tasks.max", "2")));
    worker.awaitRunning(topics.prefix, 2);

    Map<String, List<ReplayRecord>> expected = Map.of("stereo", plan("stereo"), "mulaw",
        plan("mulaw"));
    int total = expected.values().stream().mapToInt(List::size).sum();
    List<ConsumerRecord<String, byte[]>> read = readUntil(topics, total);
    assertThat(read).hasSize(total);
    for (var call : expected.entrySet()) {
      assertSameRecords(topics, read, call.getKey(), call.getValue());
    }
    worker.deleteConnector(topics.prefix);
  }

  @Test
  void shouldTakeAboutTheCallsDurationInRealTime() throws Exception {
    TestCalls.writeMonoMulawCall(dir, "live", 2000, "[" + utterance("l1", 0, 100, 1500, "ok")
        + "]");
    Topics topics = Topics.create("live");
    long planned = CallReplayPlan.of(CallRecording.load(dir, "live"), "live",
        ReplaySettings.defaults(), Instant.EPOCH).durationMs();

    worker.createConnector(topics.prefix, config(topics, Map.of("replay.speed", "1.0")));
    List<ConsumerRecord<String, byte[]>> read = readUntil(topics, plan("live").size());

    List<CallEvent> events = read.stream().filter(r -> r.topic().equals(topics.events))
        .map(r -> (CallEvent) decode(r)).toList();
    long took = events.get(1).getTimestamp().toEpochMilli()
        - events.get(0).getTimestamp().toEpochMilli();
    assertThat(planned).isEqualTo(2000);
    assertThat(took).isBetween(planned - 100, planned + 1500);
    worker.deleteConnector(topics.prefix);
  }

  @Test
  void shouldResumeAfterAWorkerRestartWithEveryRecordExactlyOnce() throws Exception {
    TestCalls.writeStereoPcmCall(dir, "long", 4000, "[" + utterance("u1", 0, 100, 1500, "one")
        + ", " + utterance("u2", 1, 1600, 3500, "two") + "]");
    Topics topics = Topics.create("restart");
    List<ReplayRecord> expected = plan("long");
    InProcessConnect.Settings own = InProcessConnect.settings(
        TestEnvironment.kafka().bootstrapServers()).exactlyOnceSource(true);

    try (InProcessConnect first = InProcessConnect.start(own);
        TopicReader reader = new TopicReader(TestEnvironment.kafka().bootstrapServers(),
            topics.all())) {
      first.createConnector("replay", config(topics, Map.of("replay.speed", "1.0")));
      await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().size() >= 8);
    }
    try (TopicReader reader = new TopicReader(TestEnvironment.kafka().bootstrapServers(),
        topics.all())) {
      assertThat(reader.poll().size()).as("stopped mid-call").isLessThan(expected.size());
    }

    try (InProcessConnect second = InProcessConnect.start(own)) {
      second.awaitRunning("replay", 1);
      List<ConsumerRecord<String, byte[]>> read = readUntil(topics, expected.size());
      assertThat(read).hasSize(expected.size());
      assertSameRecords(topics, read, "long", expected);
    }
  }

  /** Records of one call, per topic, in order, with the plan's content (timestamps aside). */
  private void assertSameRecords(Topics topics, List<ConsumerRecord<String, byte[]>> read,
      String callId, List<ReplayRecord> expected) {
    for (String topic : topics.all()) {
      List<ConsumerRecord<String, byte[]>> actual = read.stream()
          .filter(r -> r.topic().equals(topic) && r.key().equals(callId)).toList();
      List<SpecificRecord> want = expected.stream()
          .filter(r -> topics.topicOf(r).equals(topic)).map(ReplayRecord::value).toList();
      assertThat(actual).as("%s on %s", callId, topic).hasSize(want.size());
      for (int i = 0; i < want.size(); i++) {
        byte[] bytes = actual.get(i).value();
        assertThat(bytes[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isPositive();
        SpecificRecord got = decode(actual.get(i));
        if (got instanceof CallEvent event) {
          CallEvent plan = (CallEvent) want.get(i);
          assertThat(CallEvent.newBuilder(event).setTimestamp(plan.getTimestamp()).build())
              .isEqualTo(plan);
        } else {
          assertThat(got).isEqualTo(want.get(i));
        }
      }
    }
    List<CallEvent> events = read.stream().filter(r -> r.topic().equals(topics.events)
        && r.key().equals(callId)).map(r -> (CallEvent) decode(r)).toList();
    assertThat(events).extracting(CallEvent::getType)
        .containsExactly(CallEventType.CALL_STARTED, CallEventType.CALL_ENDED);
    assertThat(read.stream().filter(r -> r.topic().equals(topics.audio)
        && r.key().equals(callId)).map(r -> ((AudioChunk) decode(r)).getSequence()).distinct()
        .count()).isPositive();
  }

  private List<ConsumerRecord<String, byte[]>> readUntil(Topics topics, int count) {
    try (TopicReader reader = new TopicReader(TestEnvironment.kafka().bootstrapServers(),
        topics.all())) {
      List<List<ConsumerRecord<String, byte[]>>> last = new ArrayList<>(List.of(List.of()));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        last.set(0, reader.poll());
        return last.get(0).size() >= count;
      });
      // one more poll: more than expected would be duplicates
      return reader.poll();
    }
  }

  private SpecificRecord decode(ConsumerRecord<String, byte[]> r) {
    return serde.deserializer().deserialize(r.topic(), r.value());
  }

  private List<ReplayRecord> plan(String callId) {
    return CallReplayPlan.of(CallRecording.load(dir, callId), callId, ReplaySettings.defaults(),
        Instant.EPOCH).records();
  }

  private Map<String, String> config(Topics topics, Map<String, String> overrides) {
    Map<String, String> c = new HashMap<>();
    c.put("connector.class", CallReplaySourceConnector.class.getName());
    c.put("tasks.max", "1");
    c.put("calls.dir", dir.toString());
    c.put("topic.audio", topics.audio);
    c.put("topic.transcripts", topics.transcripts);
    c.put("topic.events", topics.events);
    c.put("schema.registry.url", TestEnvironment.registryUrl());
    c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    c.putAll(overrides);
    return c;
  }

  private record Topics(String prefix, String audio, String transcripts, String events) {
    static Topics create(String name) {
      String p = name + "-" + UUID.randomUUID().toString().substring(0, 8);
      Topics t = new Topics(p, p + ".audio", p + ".transcripts", p + ".events");
      TestEnvironment.kafka().createTopics(2, t.audio, t.transcripts, t.events);
      return t;
    }

    List<String> all() {
      return List.of(audio, transcripts, events);
    }

    String topicOf(ReplayRecord r) {
      return switch (r.stream()) {
        case AUDIO -> audio;
        case TRANSCRIPTS -> transcripts;
        case EVENTS -> events;
      };
    }
  }
}
