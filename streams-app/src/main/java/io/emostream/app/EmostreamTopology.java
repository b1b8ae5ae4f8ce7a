package io.emostream.app;

import io.emostream.assembly.AssemblyConfig;
import io.emostream.assembly.AssemblyTopology;
import io.emostream.model.EmotionModel;
import io.emostream.rollups.GroupWindowTopology;
import io.emostream.scoring.EmotionSettings;
import io.emostream.scoring.ScoringTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The whole emostream topology: validation and utterance assembly, scoring, per-call rollups,
 * alerts and summaries in one sub-topology per input partition (so a call's records stay in
 * order end to end), plus the per-agent and per-queue windows, which read the scored
 * utterances back and regroup them by agent and queue.
 */
public final class EmostreamTopology {

  private EmostreamTopology() {}

  /** Builds the topology over {@code topics} with {@code model} scoring the utterances. */
  public static Topology build(AppTopics topics, EmotionModel model, AssemblyConfig assembly,
                               EmotionSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    GroupWindowTopology.addTo(builder, topics.scoring().utterances(), topics.agents(), topics.queues(),
        settings.windows());
    Topology topology = builder.build();
    String utterances = AssemblyTopology.addTo(topology, topics.inputs(), topics.deadLetters(), assembly);
    ScoringTopology.addTo(topology, utterances, topics.scoring(), topics.utteranceSerde(), model, settings);
    return topology;
  }
}
