package io.emostream.alerts;

import io.emostream.avro.EmotionAlert;
import io.emostream.common.CallFlowSerializer;
import io.emostream.common.FeatureApi;
import io.emostream.common.JsonSerde;
import io.emostream.topics.Topic;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.Topology;

/**
 * The alerts' part of the topology: the {@link AlertDetector}, its store and its sink to
 * {@code emotion.alerts}. This class owns those names; the serving layer reads the store by
 * {@link #STORE}.
 *
 * <pre>
 * parent ─> alert-detector ─┬─> emotion.alerts
 *                           └─> downstream (input and alerts, in call order)
 * </pre>
 */
@FeatureApi
public final class AlertTopology {

  /** The processor node. */
  public static final String DETECTOR = "alert-detector";
  /** The sink node of {@code emotion.alerts}. */
  public static final String SINK = "alerts-sink";
  /** Alert state machines per call and role ({@code callId|ROLE} to {@link AlertState}). */
  public static final String STORE = "emotion-alert-state";

  private AlertTopology() {}

  /**
   * Adds the detector under {@code parent}, which must forward the scorer's output (scored
   * utterances and call events of each call, in order, keyed by callId).
   *
   * @param downstream processors (added later) that get the input with the alerts interleaved
   * @return the detector's name
   */
  public static String addTo(Topology topology, String parent, Topic<String, EmotionAlert> alerts,
      AlertRuleSet rules, List<String> downstream) {
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(rules, "rules");
    List<String> children = List.copyOf(downstream);
    topology.addProcessor(DETECTOR, () -> new AlertDetector(STORE, rules, SINK, children), parent);
    topology.addStateStore(JsonSerde.keyValueStore(STORE, AlertState.class), DETECTOR);
    topology.addSink(SINK, alerts.name(), alerts.keySerde().serializer(),
        CallFlowSerializer.of(EmotionAlert.class, alerts.valueSerde().serializer()), DETECTOR);
    return DETECTOR;
  }
}
