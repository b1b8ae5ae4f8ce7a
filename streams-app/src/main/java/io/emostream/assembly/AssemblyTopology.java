package io.emostream.assembly;

import io.emostream.common.AssembledFlow;
import io.emostream.common.FeatureApi;
import io.emostream.topics.Topic;
import io.emostream.validation.InputValidator;
import io.emostream.validation.ValidatingProcessor;
import java.util.Objects;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds the validation and utterance-assembly part of the topology: three byte-array
 * sources, one validating processor each, the {@link UtteranceAssembler} with its three
 * changelogged stores, a dead-letter sink, and a pass-through output node whose records
 * are {@link AssembledFlow}s (utterances and call events) keyed by callId. Later stages (the scorer) attach to the output
 * node by name.
 */
@FeatureApi
public final class AssemblyTopology {

  /** Node and store names used by the assembly part. */
  public record Names(String prefix) {
    public String audioSource() { return prefix + "audio-source"; }
    public String transcriptSource() { return prefix + "transcript-source"; }
    public String eventSource() { return prefix + "event-source"; }
    public String validateAudio() { return prefix + "validate-audio"; }
    public String validateTranscripts() { return prefix + "validate-transcripts"; }
    public String validateEvents() { return prefix + "validate-events"; }
    public String assembler() { return prefix + "utterance-assembler"; }
    public String output() { return prefix + "utterances"; }
    public String deadLetterSink() { return prefix + "dead-letter-sink"; }
    public String audioStore() { return prefix + "audio"; }
    public String pendingStore() { return prefix + "pending-transcripts"; }
    public String callStore() { return prefix + "calls"; }
  }

  /** The names {@link #addTo} uses. */
  public static final Names NAMES = new Names("assembly-");

  private AssemblyTopology() {}

  /**
   * Adds the assembly part to {@code topology}.
   *
   * @param topology    the topology to extend
   * @param inputs      the input topics (configured value deserializers)
   * @param deadLetters where refused records go, as original bytes with reason headers
   * @param config      assembly and validation thresholds
   * @return the name of the node that emits {@link AssembledFlow} records keyed by callId
   */
  public static String addTo(Topology topology, InputTopics inputs, Topic<byte[], byte[]> deadLetters,
                             AssemblyConfig config) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(config, "config");
    Names n = NAMES;
    InputValidator validator = new InputValidator(config.validationLimits());
    ByteArrayDeserializer bytes = new ByteArrayDeserializer();

    topology.addSource(n.audioSource(), bytes, bytes, inputs.audio().name());
    topology.addSource(n.transcriptSource(), bytes, bytes, inputs.transcripts().name());
    topology.addSource(n.eventSource(), bytes, bytes, inputs.events().name());

    topology.addProcessor(n.validateAudio(), () -> new ValidatingProcessor<>(
        inputs.audio().valueSerde().deserializer(), validator::check, n.assembler(), n.deadLetterSink()),
        n.audioSource());
    topology.addProcessor(n.validateTranscripts(), () -> new ValidatingProcessor<>(
        inputs.transcripts().valueSerde().deserializer(), validator::check, n.assembler(), n.deadLetterSink()),
        n.transcriptSource());
    topology.addProcessor(n.validateEvents(), () -> new ValidatingProcessor<>(
        inputs.events().valueSerde().deserializer(), validator::check, n.assembler(), n.deadLetterSink()),
        n.eventSource());

    topology.addProcessor(n.assembler(), () -> new UtteranceAssembler(config, n),
        n.validateAudio(), n.validateTranscripts(), n.validateEvents());
    // Cached: the frames of one block (AudioBuffer.BLOCK_MS) rewrite the same key; the cache sends the
    // block to the store and its changelog once per commit instead of once per frame.
    topology.addStateStore(Stores.keyValueStoreBuilder(
        supplier(n.audioStore(), config), Serdes.String(), StoreSerdes.block()).withCachingEnabled(), n.assembler());
    topology.addStateStore(Stores.keyValueStoreBuilder(
        supplier(n.pendingStore(), config), Serdes.String(), StoreSerdes.pending()), n.assembler());
    // Cached: the call state is read and rewritten on every record (every 20 ms frame); the cache keeps
    // the newest value per call and writes it to the store and its changelog once per commit, not per frame.
    topology.addStateStore(Stores.keyValueStoreBuilder(
        supplier(n.callStore(), config), Serdes.String(), StoreSerdes.call()).withCachingEnabled(), n.assembler());

    topology.addProcessor(n.output(), PassThrough::new, n.assembler());
    ByteArraySerializer out = new ByteArraySerializer();
    topology.addSink(n.deadLetterSink(), deadLetters.name(), out, out,
        n.validateAudio(), n.validateTranscripts(), n.validateEvents(), n.assembler());
    return n.output();
  }

  /** Changelogging stays on (the builder's default) for either kind. */
  private static KeyValueBytesStoreSupplier supplier(String name, AssemblyConfig config) {
    return config.inMemoryStores() ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
  }

  /** The output node: it exists so that the assembler can address utterances to it by
   * name, apart from its dead letters, while later stages attach to it freely. */
  private static final class PassThrough implements Processor<String, AssembledFlow, String, AssembledFlow> {
    private ProcessorContext<String, AssembledFlow> context;

    @Override
    public void init(ProcessorContext<String, AssembledFlow> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, AssembledFlow> record) {
      context.forward(record);
    }
  }
}
