package io.emostream.rollups;

import io.emostream.avro.CallEmotionRollup;
import io.emostream.common.FeatureApi;
import io.emostream.common.JsonSerde;
import io.emostream.topics.Topic;
import java.util.Objects;
import org.apache.kafka.streams.Topology;

/**
 * The per-call rollups' part of the topology: the {@link CallRollupProcessor}, its store and its
 * sink to {@code emotion.calls}. This class owns those names; the serving layer reads the store by
 * {@link #STORE}.
 *
 * <pre>
 * parent ─> call-rollups ─> emotion.calls
 * </pre>
 */
@FeatureApi
public final class CallRollupTopology {

  /** The processor node. */
  public static final String PROCESSOR = "call-rollups";
  /** The sink node of {@code emotion.calls}. */
  public static final String SINK = "call-rollups-sink";
  /** Rolling state per call and role ({@code callId|ROLE} to {@link CallRollupState}). */
  public static final String STORE = "emotion-call-rollups";

  private CallRollupTopology() {}

  /**
   * Adds the rollups under {@code parent}, which must forward the scorer's output (scored
   * utterances and call events of each call, in order, keyed by callId).
   *
   * @return the processor's name
   */
  public static String addTo(Topology topology, String parent, Topic<String, CallEmotionRollup> calls,
      RollupConfig config) {
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(config, "config");
    topology.addProcessor(PROCESSOR, () -> new CallRollupProcessor(STORE, config), parent);
    topology.addStateStore(JsonSerde.keyValueStore(STORE, CallRollupState.class), PROCESSOR);
    topology.addSink(SINK, calls.name(), calls.keySerde().serializer(), calls.valueSerde().serializer(), PROCESSOR);
    return PROCESSOR;
  }
}
