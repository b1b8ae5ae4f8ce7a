package io.emostream.summaries;

import io.emostream.avro.CallEmotionSummary;
import io.emostream.common.CallFlowSerializer;
import io.emostream.common.FeatureApi;
import io.emostream.common.JsonSerde;
import io.emostream.topics.Topic;
import java.util.Objects;
import org.apache.kafka.streams.Topology;

/**
 * The call summaries' part of the topology: the {@link CallSummaryProcessor}, its store and its
 * sink to {@code emotion.call-summaries}. This class owns those names.
 *
 * <pre>
 * parent ─> call-summaries ─> emotion.call-summaries (and any processor attached to it)
 * </pre>
 */
@FeatureApi
public final class SummaryTopology {

  /** The processor node. */
  public static final String PROCESSOR = "call-summaries";
  /** The sink node of {@code emotion.call-summaries}. */
  public static final String SINK = "call-summaries-sink";
  /** Call summaries in progress (callId to {@link CallSummaryState}). */
  public static final String STORE = "emotion-call-summaries";

  private SummaryTopology() {}

  /**
   * Adds the summaries under {@code parent}, which must forward scored utterances, call events and
   * the alert detector's alerts of each call, in order, keyed by callId.
   *
   * @return the processor's name
   */
  public static String addTo(Topology topology, String parent, Topic<String, CallEmotionSummary> summaries,
      SummaryConfig config) {
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(config, "config");
    topology.addProcessor(PROCESSOR, () -> new CallSummaryProcessor(STORE, config), parent);
    topology.addStateStore(JsonSerde.keyValueStore(STORE, CallSummaryState.class), PROCESSOR);
    topology.addSink(SINK, summaries.name(), summaries.keySerde().serializer(),
        CallFlowSerializer.of(CallEmotionSummary.class, summaries.valueSerde().serializer()), PROCESSOR);
    return PROCESSOR;
  }
}
