package io.emostream.connect.replay;

import static io.emostream.schemas.calls.TestCalls.utterance;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.schemas.calls.TestCalls;
import io.emostream.schemas.registry.InMemorySchemaRegistryClient;
import io.emostream.schemas.serde.SpecificAvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallReplaySourceTaskTest {
  @TempDir
  Path dir;

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(registry);
  private final Map<Map<String, String>, Map<String, Object>> committed = new HashMap<>();

  @BeforeEach
  void writeCalls() throws IOException {
    TestCalls.writeStereoPcmCall(dir, "stereo", 1000,
        "[" + utterance("u1", 0, 100, 400, "hello") + "]");
  }

  @Test
  void shouldReleaseRecordsOnlyWhenTheirTimeHasComeAtReplaySpeed() throws Exception {
    CallReplaySourceTask task = startTask(Map.of("replay.speed", "2.0"), "stereo");

    assertThat(values(task.poll())).singleElement().isInstanceOf(CallEvent.class);
    assertThat(task.poll()).isNull();

    advanceMs(99); // call time 198 ms: the first chunks are due at 200
    assertThat(task.poll()).isNull();
    advanceMs(1);
    assertThat(values(task.poll())).hasSize(2).allSatisfy(v -> assertThat(v)
        .isInstanceOfSatisfying(AudioChunk.class, c -> assertThat(c.getSequence()).isZero()));
  }

  @Test
  void shouldSendEveryRecordAtOnceWhenSpeedIsZero() throws Exception {
    CallReplaySourceTask task = startTask(Map.of("replay.speed", "0"), "stereo");

    List<SourceRecord> records = task.poll();

    assertThat(records).hasSize(1 + 10 + 1 + 1);
    assertThat(records).extracting(SourceRecord::topic).startsWith("calls.events")
        .endsWith("calls.events").contains("calls.audio", "calls.transcripts");
    assertThat(records).extracting(SourceRecord::key).containsOnly("stereo");
    assertThat(records.get(records.size() - 1).sourceOffset())
        .isEqualTo(Map.of("round", 0L, "next", 13L));
    assertThat(task.poll()).isNull();
  }

  @Test
  void shouldResumeAfterTheCommittedOffsetWithoutRepeatingRecords() throws Exception {
    committed.put(partition("stereo", ""), Map.of("round", 0L, "next", 5L));
    CallReplaySourceTask task = startTask(Map.of("replay.speed", "1.0"), "stereo");

    List<SourceRecord> first = task.poll();

    // record 5 is due at once: the pause while the task was down is not replayed
    assertThat(first).isNotEmpty();
    assertThat(first.get(0).sourceOffset()).isEqualTo(Map.of("round", 0L, "next", 6L));
    List<SourceRecord> rest = drain(task, 2_000);
    assertThat(first.size() + rest.size()).isEqualTo(13 - 5);
  }

  @Test
  void shouldSkipABrokenRecordingAndReplayTheOthers() throws Exception {
    Files.writeString(dir.resolve("broken.json"), "{\"channels\": [], \"utterances\": []}");
    Files.write(dir.resolve("broken.wav"), new byte[] {1, 2, 3});

    CallReplaySourceTask task = startTask(Map.of("replay.speed", "0"), "broken", "stereo");

    assertThat(task.poll()).hasSize(13).extracting(SourceRecord::key).containsOnly("stereo");
  }

  @Test
  void shouldReplayAgainAsANewCallPerRoundWhenLooping() throws Exception {
    CallReplaySourceTask task = startTask(Map.of("replay.speed", "0", "loop", "true",
        "call.id.prefix", "demo-", "batch.max.records", "20"), "stereo");

    List<SourceRecord> records = task.poll();

    assertThat(records).hasSize(20);
    assertThat(records.subList(0, 13)).extracting(SourceRecord::key).containsOnly("demo-stereo");
    assertThat(records.subList(13, 20)).extracting(SourceRecord::key)
        .containsOnly("demo-r1-stereo");
    CallEvent restarted = (CallEvent) value(records.get(13));
    assertThat(restarted.getType()).isEqualTo(CallEventType.CALL_STARTED);
    assertThat(records.get(19).sourceOffset()).isEqualTo(Map.of("round", 1L, "next", 7L));
  }

  @Test
  void shouldDealCallsRoundRobinToTasks() throws IOException {
    TestCalls.writeMonoMulawCall(dir, "mono-a", 500, "[]");
    TestCalls.writeMonoMulawCall(dir, "mono-b", 500, "[]");
    CallReplaySourceConnector connector = new CallReplaySourceConnector();
    connector.start(Map.of("calls.dir", dir.toString(), "schema.registry.url", "http://r"));

    List<Map<String, String>> configs = connector.taskConfigs(2);

    assertThat(configs).extracting(c -> c.get("task.calls"))
        .containsExactly("mono-a,stereo", "mono-b");
    assertThat(connector.taskConfigs(10)).hasSize(3);
  }

  private CallReplaySourceTask startTask(Map<String, String> overrides, String... calls) {
    Map<String, String> props = new HashMap<>(overrides);
    props.put("calls.dir", dir.toString());
    props.put("schema.registry.url", "http://unused");
    props.put("task.calls", String.join(",", calls));
    CallReplaySourceTask task = new CallReplaySourceTask(clock::get);
    task.initialize(new FakeContext());
    task.useEncoder(new ReplayRecordEncoder(
        new CallReplayConfig(CallReplayConfig.TASK_CONFIG_DEF, props), serde));
    task.start(props);
    return task;
  }

  private Map<String, String> partition(String call, String prefix) {
    return Map.of("calls.dir", dir.toAbsolutePath().normalize().toString(), "call", call,
        "call.id.prefix", prefix);
  }

  private List<SourceRecord> drain(CallReplaySourceTask task, long callMs) throws Exception {
    List<SourceRecord> all = new ArrayList<>();
    for (long t = 0; t < callMs; t += 250) {
      advanceMs(250);
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        all.addAll(batch);
      }
    }
    return all;
  }

  private void advanceMs(long ms) {
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
  }

  private List<Object> values(List<SourceRecord> records) {
    return records.stream().map(this::value).toList();
  }

  private Object value(SourceRecord r) {
    return serde.deserializer().deserialize(r.topic(), (byte[]) r.value());
  }

  private final class FakeContext implements SourceTaskContext {
    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
      return new OffsetStorageReader() {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
          return committed.get(partition);
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(
            Collection<Map<String, T>> partitions) {
          Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
          partitions.forEach(p -> result.put(p, committed.get(p)));
          return result;
        }
      };
    }

    @Override
    public PluginMetrics pluginMetrics() {
      return null;
    }
  }
}
