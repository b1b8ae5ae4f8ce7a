package io.emostream.scoring;

import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.Utterance;
import io.emostream.common.CallFlowSerializer;
import io.emostream.common.FeatureApi;
import io.emostream.common.LabelMapping;
import io.emostream.model.EmotionModel;
import io.emostream.topics.Topic;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The scoring part of the topology: the {@link EmotionScorer}, its pending store, and its sinks to
 * {@code emotion.utterances} and the dead-letter topic. This class owns those names; what consumes
 * the scores is wired by the caller ({@code io.emostream.topology.EmostreamTopology}).
 *
 * <pre>
 * parent ─> emotion-scorer ─┬─> emotion.utterances
 *                           ├─> scorer dead letters ─> emotion.dead-letters
 *                           └─> downstream (scored utterances and call events, in order)
 * </pre>
 *
 * <p>The scorer emits {@link io.emostream.common.CallFlow}s: {@code Scored} and {@code Event}.
 *
 * <p>The parent must forward {@link io.emostream.common.AssembledFlow}s (utterances and call
 * events) keyed by callId.
 */
@FeatureApi
public final class ScoringTopology {

  /** The scorer node. */
  public static final String SCORER = "emotion-scorer";
  /** The sink node of {@code emotion.utterances}. */
  public static final String UTTERANCES_SINK = "scored-utterances-sink";
  /** The sink node of the scorer's dead letters. */
  public static final String DEAD_LETTER_SINK = "scorer-dead-letters-sink";
  /** Utterances and events between the scorer's input and its output (sequence to {@link PendingEntry}). */
  public static final String PENDING_STORE = "emotion-scorer-pending";

  private ScoringTopology() {}

  /**
   * Adds the scorer. Fails at once, naming the problem, when the model's labels do not cover the
   * four emotion classes.
   *
   * @param utterances     {@code emotion.utterances}
   * @param deadLetters    the dead-letter topic (raw bytes with error headers)
   * @param utteranceSerde configured serde of {@link Utterance} (dead letters)
   * @param downstream     processors (added later under {@link #SCORER}) that get every scored
   *                       utterance and call event, in order
   * @return the scorer's name, the parent of {@code downstream}
   */
  public static String addTo(Topology topology, String parent, Topic<String, ScoredUtterance> utterances,
      Topic<String, byte[]> deadLetters, Serde<Utterance> utteranceSerde, EmotionModel model,
      ScoringConfig config, List<String> downstream) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(utterances, "utterances");
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(utteranceSerde, "utteranceSerde");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(config, "config");
    LabelMapping labels = LabelMapping.of(model.info());
    ScorerChildren children = new ScorerChildren(UTTERANCES_SINK, DEAD_LETTER_SINK, downstream);

    AsyncInference inference = AsyncInference.of(model);
    topology.addProcessor(SCORER, () -> new EmotionScorer(PENDING_STORE, inference, model.info(), labels,
        config, utteranceSerde, children), parent);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
        Serdes.Long(), new PendingEntrySerde()), SCORER);
    topology.addSink(UTTERANCES_SINK, utterances.name(), utterances.keySerde().serializer(),
        CallFlowSerializer.of(ScoredUtterance.class, utterances.valueSerde().serializer()), SCORER);
    topology.addSink(DEAD_LETTER_SINK, deadLetters.name(),
        deadLetters.keySerde().serializer(), deadLetters.valueSerde().serializer(), SCORER);
    return SCORER;
  }
}
