package io.emostream.assembly;

import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import io.emostream.avro.Utterance;
import io.emostream.common.AssembledFlow;
import io.emostream.schemas.registry.InMemorySchemaRegistryClient;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.topics.Topic;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A TopologyTestDriver around the assembly part, with the real Avro serde over an
 * in-memory registry, and helpers that build input records.
 */
final class AssemblyDriver implements AutoCloseable {

  static final String AUDIO = "calls.audio";
  static final String TRANSCRIPTS = "calls.transcripts";
  static final String EVENTS = "calls.events";
  static final String UTTERANCES = "test.utterances";
  static final String FORWARDED_EVENTS = "test.events";
  static final String DEAD_LETTERS = "emotion.dead-letters";
  static final String APP_ID = "assembly-test";
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  final InMemorySchemaRegistryClient registry;
  final TopologyTestDriver driver;
  final TestInputTopic<String, AudioChunk> audio;
  final TestInputTopic<String, TranscriptSegment> transcripts;
  final TestInputTopic<String, CallEvent> events;
  final TestInputTopic<byte[], byte[]> rawAudio;
  final TestInputTopic<byte[], byte[]> rawTranscripts;
  final TestOutputTopic<String, Utterance> utterances;
  final TestOutputTopic<byte[], byte[]> deadLetters;
  final TestOutputTopic<String, CallEvent> forwardedEvents;

  AssemblyDriver(Path stateDir, AssemblyConfig config) {
    this(stateDir, config, new InMemorySchemaRegistryClient(), START);
  }

  AssemblyDriver(Path stateDir, AssemblyConfig config, InMemorySchemaRegistryClient registry, Instant wallClock) {
    this.registry = registry;
    SpecificAvroSerde<AudioChunk> audioSerde = new SpecificAvroSerde<>(registry, AudioChunk.class);
    SpecificAvroSerde<TranscriptSegment> transcriptSerde = new SpecificAvroSerde<>(registry, TranscriptSegment.class);
    SpecificAvroSerde<CallEvent> eventSerde = new SpecificAvroSerde<>(registry, CallEvent.class);
    SpecificAvroSerde<Utterance> utteranceSerde = new SpecificAvroSerde<>(registry, Utterance.class);
    InputTopics inputs = new InputTopics(new Topic<>(AUDIO, Serdes.String(), audioSerde),
        new Topic<>(TRANSCRIPTS, Serdes.String(), transcriptSerde), new Topic<>(EVENTS, Serdes.String(), eventSerde));
    Topology topology = new Topology();
    String output = AssemblyTopology.addTo(topology, inputs,
        new Topic<>(DEAD_LETTERS, Serdes.ByteArray(), Serdes.ByteArray()), config);
    // the assembler's output carries utterances and, in order with them, the calls' life-cycle events
    topology.addProcessor("test-split", SplitByType::new, output);
    topology.addSink("test-utterance-sink", UTTERANCES, Serdes.String().serializer(), utteranceSerde.serializer(),
        "test-split");
    topology.addSink("test-event-sink", FORWARDED_EVENTS, Serdes.String().serializer(), eventSerde.serializer(),
        "test-split");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, props, wallClock);
    audio = driver.createInputTopic(AUDIO, Serdes.String().serializer(), audioSerde.serializer());
    transcripts = driver.createInputTopic(TRANSCRIPTS, Serdes.String().serializer(), transcriptSerde.serializer());
    events = driver.createInputTopic(EVENTS, Serdes.String().serializer(), eventSerde.serializer());
    rawAudio = driver.createInputTopic(AUDIO, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    rawTranscripts = driver.createInputTopic(TRANSCRIPTS, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    utterances = driver.createOutputTopic(UTTERANCES, Serdes.String().deserializer(), utteranceSerde.deserializer());
    deadLetters = driver.createOutputTopic(DEAD_LETTERS, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    forwardedEvents = driver.createOutputTopic(FORWARDED_EVENTS, Serdes.String().deserializer(), eventSerde.deserializer());
  }

  /** Sends utterances and call events to their own test topics. */
  private static final class SplitByType implements Processor<String, AssembledFlow, String, Object> {
    private ProcessorContext<String, Object> context;

    @Override
    public void init(ProcessorContext<String, Object> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, AssembledFlow> record) {
      AssembledFlow flow = record.value();
      context.forward(record.withValue((Object) flow.value()),
          flow instanceof AssembledFlow.Spoken ? "test-utterance-sink" : "test-event-sink");
    }
  }

  /** Config with defaults, as the app runs. */
  static AssemblyConfig defaults() {
    return AssemblyConfig.defaults();
  }

  void advance(Duration d) {
    driver.advanceWallClockTime(d);
  }

  void pipeAudio(AudioChunk chunk) {
    audio.pipeInput(chunk.getCallId(), chunk);
  }

  void pipeTranscript(TranscriptSegment t) {
    transcripts.pipeInput(t.getCallId(), t);
  }

  List<Utterance> drain() {
    return utterances.readValuesToList();
  }

  List<TestRecord<byte[], byte[]>> drainDeadLetters() {
    return deadLetters.readRecordsToList();
  }

  @Override
  public void close() {
    driver.close();
  }

  // ---- record builders ----

  /** A deterministic, non-repeating 16 kHz test signal: sample {@code i} of the call. */
  static short signal(long i) {
    return (short) (((i * 7919L + (i >> 5) * 131L) % 20001L) - 10000);
  }

  /** 16 kHz PCM chunk of {@link #signal} over [startMs, startMs + lengthMs). */
  static AudioChunk pcmChunk(String callId, int channel, long sequence, long startMs, int lengthMs) {
    short[] s = new short[lengthMs * Pcm16.SAMPLES_PER_MS];
    for (int i = 0; i < s.length; i++) {
      s[i] = signal(startMs * Pcm16.SAMPLES_PER_MS + i);
    }
    return chunk(callId, channel, sequence, startMs, 16_000, AudioEncoding.PCM_S16LE, Pcm16.toBytes(s));
  }

  static AudioChunk chunk(String callId, int channel, long sequence, long startMs, int rate, AudioEncoding enc,
                          byte[] payload) {
    return AudioChunk.newBuilder().setCallId(callId).setChannel(channel).setSequence(sequence)
        .setStartMs(startMs).setSampleRate(rate).setEncoding(enc).setPayload(ByteBuffer.wrap(payload)).build();
  }

  /** The expected samples of {@link #signal} over [startMs, endMs). */
  static short[] expected(long startMs, long endMs) {
    short[] s = new short[(int) ((endMs - startMs) * Pcm16.SAMPLES_PER_MS)];
    for (int i = 0; i < s.length; i++) {
      s[i] = signal(startMs * Pcm16.SAMPLES_PER_MS + i);
    }
    return s;
  }

  static TranscriptSegment finalTranscript(String callId, String id, int channel, long startMs, long endMs, String text) {
    return TranscriptSegment.newBuilder().setCallId(callId).setUtteranceId(id).setChannel(channel)
        .setStartMs(startMs).setEndMs(endMs).setText(text).setIsFinal(true).setConfidence(0.9f).build();
  }

  static TranscriptSegment partialTranscript(String callId, String id, int channel, long startMs, long endMs, String text) {
    return TranscriptSegment.newBuilder(finalTranscript(callId, id, channel, startMs, endMs, text)).setIsFinal(false).build();
  }

  static CallEvent started(String callId, Map<Integer, SpeakerRole> roles) {
    return CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_STARTED).setTimestamp(START)
        .setTenant("acme").setAgentId("agent-7").setQueue("billing")
        .setChannels(roles.entrySet().stream()
            .map(e -> ChannelRole.newBuilder().setChannel(e.getKey()).setRole(e.getValue()).build()).toList())
        .build();
  }

  static CallEvent ended(String callId) {
    return CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_ENDED).setTimestamp(START).build();
  }

  static short[] samplesOf(Utterance u) {
    ByteBuffer b = u.getAudio().duplicate();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return Pcm16.fromBytes(bytes);
  }
}
