package io.emostream.timeline;

import io.emostream.common.FeatureApi;
import io.emostream.common.JsonSerde;
import java.util.Objects;
import org.apache.kafka.streams.Topology;

/**
 * The call timeline's part of the topology: the {@link CallTimelineProcessor} and its store, a
 * terminal node kept for the serving layer's {@code /api/calls}, which reads the store by
 * {@link #STORE}.
 */
@FeatureApi
public final class TimelineTopology {

  /** The processor node. */
  public static final String PROCESSOR = "call-timeline";
  /** Recent utterances and alerts of each active call (callId to {@link CallTimeline}). */
  public static final String STORE = "emotion-call-timelines";

  private TimelineTopology() {}

  /**
   * Adds the timeline under {@code parents}, which together must forward scored utterances, call
   * events, alerts and call summaries, keyed by callId.
   *
   * @return the processor's name
   */
  public static String addTo(Topology topology, TimelineConfig config, String... parents) {
    Objects.requireNonNull(config, "config");
    topology.addProcessor(PROCESSOR, () -> new CallTimelineProcessor(STORE, config.maxEntries(),
        config.endedRetention()), parents);
    topology.addStateStore(JsonSerde.keyValueStore(STORE, CallTimeline.class), PROCESSOR);
    return PROCESSOR;
  }
}
