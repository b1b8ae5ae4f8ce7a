package io.emostream.scoring;

import io.emostream.alerts.AlertDetector;
import io.emostream.alerts.AlertState;
import io.emostream.avro.Utterance;
import io.emostream.common.JsonSerde;
import io.emostream.common.LabelMapping;
import io.emostream.model.EmotionModel;
import io.emostream.rollups.CallRollupProcessor;
import io.emostream.rollups.CallRollupState;
import io.emostream.summaries.CallSummaryProcessor;
import io.emostream.summaries.CallSummaryState;
import io.emostream.timeline.CallTimeline;
import io.emostream.timeline.CallTimelineProcessor;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds the scorer, the per-call rollups, the alert detector and the call summaries, with
 * their stores and sinks, under the assembler's node of an existing {@link Topology}.
 *
 * <pre>
 * parent ─> emotion-scorer ─┬─> emotion.utterances
 *                           ├─> scorer dead letters ─> emotion.dead-letters
 *                           ├─> call-rollups ─> emotion.calls
 *                           └─> alert-detector ─┬─> emotion.alerts
 *                                               ├─> call-summaries ─> emotion.call-summaries
 *                                               └─> call-timeline (store only, for the REST API)
 * </pre>
 *
 * <p>The parent must forward {@code Record<String, Object>} whose values are
 * {@link Utterance}s and {@link io.emostream.avro.CallEvent}s, keyed by callId. The per-agent
 * and per-queue windows are DSL and are added by {@code GroupWindowTopology}.
 */
public final class ScoringTopology {

  public static final String SCORER = "emotion-scorer";
  public static final String ROLLUPS = "call-rollups";
  public static final String ALERTS = "alert-detector";
  public static final String SUMMARIES = "call-summaries";
  public static final String TIMELINE = "call-timeline";
  public static final String UTTERANCES_SINK = "scored-utterances-sink";
  public static final String DEAD_LETTER_SINK = "scorer-dead-letters-sink";
  public static final String CALLS_SINK = "call-rollups-sink";
  public static final String ALERTS_SINK = "alerts-sink";
  public static final String SUMMARIES_SINK = "call-summaries-sink";

  /** Utterances and events between the scorer's input and its output (sequence to {@link PendingEntry}). */
  public static final String PENDING_STORE = "emotion-scorer-pending";
  /** Rolling state per call and role ({@code callId|ROLE} to {@link CallRollupState}). */
  public static final String ROLLUP_STORE = "emotion-call-rollups";
  /** Alert state machines per call and role ({@code callId|ROLE} to {@link AlertState}). */
  public static final String ALERT_STORE = "emotion-alert-state";
  /** Call summaries in progress (callId to {@link CallSummaryState}). */
  public static final String SUMMARY_STORE = "emotion-call-summaries";
  /** Recent utterances and alerts of each active call (callId to {@link CallTimeline}). */
  public static final String TIMELINE_STORE = "emotion-call-timelines";

  private ScoringTopology() {}

  /**
   * Adds the nodes. Fails at once, naming the problem, when the model's labels do not cover
   * the four emotion classes.
   *
   * @param utteranceSerde configured serde of {@link Utterance} (dead letters)
   */
  public static void addTo(Topology topology, String parent, ScoringTopics topics,
      Serde<Utterance> utteranceSerde, EmotionModel model, EmotionSettings settings) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(utteranceSerde, "utteranceSerde");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(settings, "settings");
    LabelMapping labels = LabelMapping.of(model.info());
    ScorerChildren children = new ScorerChildren(UTTERANCES_SINK, DEAD_LETTER_SINK, List.of(ROLLUPS, ALERTS));

    AsyncInference inference = AsyncInference.of(model);
    topology.addProcessor(SCORER, () -> new EmotionScorer(PENDING_STORE, inference, model.info(), labels,
        settings.scoring(), utteranceSerde, children), parent);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
        Serdes.Long(), new PendingEntrySerde()), SCORER);
    topology.addSink(UTTERANCES_SINK, topics.utterances().name(),
        topics.utterances().keySerde().serializer(), topics.utterances().valueSerde().serializer(), SCORER);
    topology.addSink(DEAD_LETTER_SINK, topics.deadLetters().name(),
        topics.deadLetters().keySerde().serializer(), topics.deadLetters().valueSerde().serializer(), SCORER);

    topology.addProcessor(ROLLUPS, () -> new CallRollupProcessor(ROLLUP_STORE, settings.rollups()), SCORER);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROLLUP_STORE),
        Serdes.String(), new JsonSerde<>(CallRollupState.class)), ROLLUPS);
    topology.addSink(CALLS_SINK, topics.calls().name(),
        topics.calls().keySerde().serializer(), topics.calls().valueSerde().serializer(), ROLLUPS);

    topology.addProcessor(ALERTS, () -> new AlertDetector(ALERT_STORE, settings.alerts(), ALERTS_SINK,
        List.of(SUMMARIES, TIMELINE)), SCORER);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERT_STORE),
        Serdes.String(), new JsonSerde<>(AlertState.class)), ALERTS);
    topology.addSink(ALERTS_SINK, topics.alerts().name(),
        topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer(), ALERTS);

    topology.addProcessor(SUMMARIES, () -> new CallSummaryProcessor(SUMMARY_STORE, settings.summaries()), ALERTS);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUMMARY_STORE),
        Serdes.String(), new JsonSerde<>(CallSummaryState.class)), SUMMARIES);
    topology.addSink(SUMMARIES_SINK, topics.summaries().name(),
        topics.summaries().keySerde().serializer(), topics.summaries().valueSerde().serializer(), SUMMARIES);

    // the summary processor's output goes to its sink and to the timeline, which keeps it
    // with an ended call for the retention
    topology.addProcessor(TIMELINE, () -> new CallTimelineProcessor(TIMELINE_STORE,
        CallTimelineProcessor.DEFAULT_MAX_ENTRIES, settings.summaries().endedRetention()), ALERTS, SUMMARIES);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMELINE_STORE),
        Serdes.String(), new JsonSerde<>(CallTimeline.class)), TIMELINE);
  }
}
