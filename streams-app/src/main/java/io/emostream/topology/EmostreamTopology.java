package io.emostream.topology;

import io.emostream.alerts.AlertTopology;
import io.emostream.assembly.AssemblyTopology;
import io.emostream.avro.Utterance;
import io.emostream.model.EmotionModel;
import io.emostream.rollups.CallRollupTopology;
import io.emostream.rollups.GroupWindowTopology;
import io.emostream.scoring.ScoringTopology;
import io.emostream.summaries.SummaryTopology;
import io.emostream.timeline.TimelineTopology;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The whole emostream topology, assembled here and only here from the feature packages. Each
 * feature's {@code *Topology} class adds its own processors, stores and sinks under names it owns;
 * this class decides which feature feeds which:
 *
 * <pre>
 * inputs ─> validation + assembly ─> emotion-scorer ─┬─> emotion.utterances ─> agent / queue windows
 *                                                    ├─> call-rollups ─> emotion.calls
 *                                                    └─> alert-detector ─┬─> emotion.alerts
 *                                                                        ├─> call-summaries ─> emotion.call-summaries
 *                                                                        └─> call-timeline (store only, for the REST API)
 * </pre>
 *
 * <p>Validation, assembly, scoring, rollups, alerts, summaries and the timeline run in one
 * sub-topology per input partition (so a call's records stay in order end to end); the per-agent
 * and per-queue windows read the scored utterances back and regroup them by agent and queue.
 */
public final class EmostreamTopology {

  private EmostreamTopology() {}

  /** Builds the topology over {@code topics} with {@code model} scoring the utterances. */
  public static Topology build(AppTopics topics, EmotionModel model, FeatureSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    GroupWindowTopology.addTo(builder, topics.outputs().utterances(), topics.agents(), topics.queues(),
        settings.windows());
    Topology topology = builder.build();
    String utterances = AssemblyTopology.addTo(topology, topics.inputs(), topics.deadLetters(), settings.assembly());
    addAfterAssembly(topology, utterances, topics.outputs(), topics.utteranceSerde(), model, settings);
    return topology;
  }

  /**
   * Adds the scorer and what consumes its scores (rollups, alerts, summaries, timeline) under
   * {@code parent}, which must forward {@link Utterance}s and call events keyed by callId, in call
   * order (the assembler's output node, or a stand-in in tests).
   *
   * @param utteranceSerde configured serde of {@link Utterance} (the scorer's dead letters)
   */
  public static void addAfterAssembly(Topology topology, String parent, OutputTopics topics,
      Serde<Utterance> utteranceSerde, EmotionModel model, FeatureSettings settings) {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(settings, "settings");
    String scorer = ScoringTopology.addTo(topology, parent, topics.utterances(), topics.deadLetters(),
        utteranceSerde, model, settings.scoring(), List.of(CallRollupTopology.PROCESSOR, AlertTopology.DETECTOR));
    CallRollupTopology.addTo(topology, scorer, topics.calls(), settings.rollups());
    String alerts = AlertTopology.addTo(topology, scorer, topics.alerts(), settings.alerts(),
        List.of(SummaryTopology.PROCESSOR, TimelineTopology.PROCESSOR));
    String summaries = SummaryTopology.addTo(topology, alerts, topics.summaries(), settings.summaries());
    // the summary processor's output goes to its sink and to the timeline, which keeps it with an
    // ended call for the retention
    TimelineTopology.addTo(topology, settings.timeline(), alerts, summaries);
  }
}
