package io.emostream.scoring;

import io.emostream.avro.AudioCoverage;
import io.emostream.avro.CallContext;
import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.GroupEmotionWindow;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.Utterance;
import io.emostream.avro.UtteranceSource;
import io.emostream.common.AssembledFlow;
import io.emostream.model.EmotionModel;
import io.emostream.rollups.GroupWindowTopology;
import io.emostream.schemas.registry.InMemorySchemaRegistryClient;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.topics.Topic;
import io.emostream.topology.EmostreamTopology;
import io.emostream.topology.FeatureSettings;
import io.emostream.topology.OutputTopics;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The scoring part of the topology and what consumes the scores (rollups, alerts, summaries,
 * timeline, group windows) in a TopologyTestDriver, wired as in production by
 * {@link EmostreamTopology#addAfterAssembly}, fed by a stand-in for the assembler: utterances and call events from two test topics, merged into one node that
 * forwards them in arrival order, as the real assembler does.
 */
public final class ScoringDriver implements AutoCloseable {

  public static final String UTTERANCES_IN = "test.utterances-in";
  public static final String EVENTS_IN = "test.events-in";
  public static final String APP_ID = "scoring-test";
  public static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  public final InMemorySchemaRegistryClient registry;
  public final SpecificAvroSerde<Utterance> utteranceSerde;
  public final TopologyTestDriver driver;
  public final TestInputTopic<String, Utterance> utterancesIn;
  public final TestInputTopic<String, CallEvent> eventsIn;
  public final TestOutputTopic<String, ScoredUtterance> scored;
  public final TestOutputTopic<String, CallEmotionRollup> calls;
  public final TestOutputTopic<String, CallEmotionSummary> summaries;
  public final TestOutputTopic<String, EmotionAlert> alerts;
  public final TestOutputTopic<String, GroupEmotionWindow> agents;
  public final TestOutputTopic<String, GroupEmotionWindow> queues;
  public final TestOutputTopic<String, byte[]> deadLetters;

  public ScoringDriver(Path stateDir, EmotionModel model, Map<String, ?> settings) {
    this(stateDir, model, settings, new InMemorySchemaRegistryClient());
  }

  public ScoringDriver(Path stateDir, EmotionModel model, Map<String, ?> settings,
      InMemorySchemaRegistryClient registry) {
    this.registry = registry;
    utteranceSerde = new SpecificAvroSerde<>(registry, Utterance.class);
    var eventSerde = new SpecificAvroSerde<>(registry, CallEvent.class);
    var scoredSerde = new SpecificAvroSerde<>(registry, ScoredUtterance.class);
    var rollupSerde = new SpecificAvroSerde<>(registry, CallEmotionRollup.class);
    var summarySerde = new SpecificAvroSerde<>(registry, CallEmotionSummary.class);
    var alertSerde = new SpecificAvroSerde<>(registry, EmotionAlert.class);
    var windowSerde = new SpecificAvroSerde<>(registry, GroupEmotionWindow.class);
    OutputTopics topics = new OutputTopics(
        new Topic<>("emotion.utterances", Serdes.String(), scoredSerde),
        new Topic<>("emotion.calls", Serdes.String(), rollupSerde),
        new Topic<>("emotion.call-summaries", Serdes.String(), summarySerde),
        new Topic<>("emotion.alerts", Serdes.String(), alertSerde),
        new Topic<>("emotion.dead-letters", Serdes.String(), Serdes.ByteArray()));
    FeatureSettings featureSettings = FeatureSettings.from(settings);

    StreamsBuilder builder = new StreamsBuilder();
    GroupWindowTopology.addTo(builder, topics.utterances(),
        new Topic<>("emotion.agents", Serdes.String(), windowSerde),
        new Topic<>("emotion.queues", Serdes.String(), windowSerde), featureSettings.windows());
    Topology topology = builder.build();
    topology.addSource("test-utterances", Serdes.String().deserializer(), utteranceSerde.deserializer(), UTTERANCES_IN);
    topology.addSource("test-events", Serdes.String().deserializer(), eventSerde.deserializer(), EVENTS_IN);
    topology.addProcessor("test-assembler", StandInAssembler::new, "test-utterances", "test-events");
    EmostreamTopology.addAfterAssembly(topology, "test-assembler", topics, utteranceSerde, model, featureSettings);

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, props, START);
    utterancesIn = driver.createInputTopic(UTTERANCES_IN, Serdes.String().serializer(), utteranceSerde.serializer());
    eventsIn = driver.createInputTopic(EVENTS_IN, Serdes.String().serializer(), eventSerde.serializer());
    scored = driver.createOutputTopic("emotion.utterances", Serdes.String().deserializer(), scoredSerde.deserializer());
    calls = driver.createOutputTopic("emotion.calls", Serdes.String().deserializer(), rollupSerde.deserializer());
    summaries = driver.createOutputTopic("emotion.call-summaries", Serdes.String().deserializer(), summarySerde.deserializer());
    alerts = driver.createOutputTopic("emotion.alerts", Serdes.String().deserializer(), alertSerde.deserializer());
    agents = driver.createOutputTopic("emotion.agents", Serdes.String().deserializer(), windowSerde.deserializer());
    queues = driver.createOutputTopic("emotion.queues", Serdes.String().deserializer(), windowSerde.deserializer());
    deadLetters = driver.createOutputTopic("emotion.dead-letters", Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  /** Pipes {@code u} with event time START + its end. */
  public void pipe(Utterance u) {
    utterancesIn.pipeInput(u.getCallId(), u, START.plusMillis(u.getEndMs()));
  }

  /** Pipes a CALL_STARTED for {@code callId} (customer on channel 0, agent on 1). */
  public void start(String callId, CallContext context, long atMs) {
    CallEvent event = CallEvent.newBuilder()
        .setCallId(callId).setType(CallEventType.CALL_STARTED).setTimestamp(START.plusMillis(atMs))
        .setTenant(context.getTenant()).setAgentId(context.getAgentId()).setQueue(context.getQueue())
        .setChannels(List.of(new ChannelRole(0, SpeakerRole.CUSTOMER), new ChannelRole(1, SpeakerRole.AGENT)))
        .build();
    eventsIn.pipeInput(callId, event, START.plusMillis(atMs));
  }

  /** Pipes a CALL_ENDED for {@code callId}. */
  public void end(String callId, long atMs) {
    CallEvent event = CallEvent.newBuilder()
        .setCallId(callId).setType(CallEventType.CALL_ENDED).setTimestamp(START.plusMillis(atMs)).build();
    eventsIn.pipeInput(callId, event, START.plusMillis(atMs));
  }

  /** Moves the mock wall clock on, firing due wall-clock punctuations. */
  public void advanceWallClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  @Override
  public void close() {
    driver.close();
  }

  /** The tenant/agent/queue most tests use. */
  public static CallContext context() {
    return new CallContext("acme", "agent-7", "billing");
  }

  /** A text-only utterance of the customer (channel 0). */
  public static Utterance customer(String callId, String id, long startMs, long endMs, String text) {
    return utterance(callId, id, 0, SpeakerRole.CUSTOMER, startMs, endMs, text, null);
  }

  /** A text-only utterance of the agent (channel 1). */
  public static Utterance agent(String callId, String id, long startMs, long endMs, String text) {
    return utterance(callId, id, 1, SpeakerRole.AGENT, startMs, endMs, text, null);
  }

  /** Any utterance, with the default context. */
  public static Utterance utterance(String callId, String id, int channel, SpeakerRole role,
      long startMs, long endMs, String text, byte[] audio) {
    return Utterance.newBuilder()
        .setCallId(callId).setUtteranceId(id).setChannel(channel).setRole(role).setContext(context())
        .setStartMs(startMs).setEndMs(endMs).setText(text)
        .setAudio(audio == null ? null : ByteBuffer.wrap(audio))
        .setAudioCoverage(audio == null ? AudioCoverage.MISSING : AudioCoverage.COMPLETE)
        .setSource(UtteranceSource.TRANSCRIPT)
        .setTranscriptTimestamp(START.plusMillis(endMs))
        .setAssembledAt(START.plusMillis(endMs + 5))
        .build();
  }

  /** Forwards utterances and call events as the assembler's output node does. */
  private static final class StandInAssembler implements Processor<String, Object, String, AssembledFlow> {
    private ProcessorContext<String, AssembledFlow> context;

    @Override
    public void init(ProcessorContext<String, AssembledFlow> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, Object> record) {
      context.forward(record.withValue(record.value() instanceof Utterance u
          ? new AssembledFlow.Spoken(u) : new AssembledFlow.Event((CallEvent) record.value())));
    }
  }
}
