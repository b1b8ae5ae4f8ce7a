package io.emostream.rollups;

import io.emostream.avro.GroupEmotionWindow;
import io.emostream.avro.GroupType;
import io.emostream.avro.ScoredUtterance;
import io.emostream.common.FeatureApi;
import io.emostream.common.JsonSerde;
import io.emostream.topics.Topic;
import java.util.Locale;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Per-agent and per-queue hopping windows over the scored utterances, emitted once each
 * window closes, to {@code emotion.agents} and {@code emotion.queues}.
 *
 * <p>The windows read {@code emotion.utterances} back rather than hanging off the scorer:
 * an agent's or a queue's calls are spread over all partitions, so the utterances must be
 * re-keyed by agent or queue and repartitioned before aggregating, which the DSL does with
 * internal topics. Utterances without an agent (or queue) are left out of that grouping.
 * Windows close on stream time (event time of the utterances), after the grace period.
 */
@FeatureApi
public final class GroupWindowTopology {

  /** Store of the agents' windows, queryable by the serving layer. */
  public static final String AGENT_STORE = "emotion-agent-windows";
  /** Store of the queues' windows. */
  public static final String QUEUE_STORE = "emotion-queue-windows";

  private GroupWindowTopology() {}

  /** Adds the agent and queue windows to {@code builder}. */
  public static void addTo(StreamsBuilder builder, Topic<String, ScoredUtterance> utterances,
      Topic<String, GroupEmotionWindow> agents, Topic<String, GroupEmotionWindow> queues,
      GroupWindowConfig config) {
    KStream<String, ScoredUtterance> scored = builder.stream(utterances.name(),
        Consumed.with(utterances.keySerde(), utterances.valueSerde()).withName("scored-for-windows"));
    addGroup(scored, GroupType.AGENT, u -> u.getContext().getAgentId(), AGENT_STORE, utterances, agents, config);
    addGroup(scored, GroupType.QUEUE, u -> u.getContext().getQueue(), QUEUE_STORE, utterances, queues, config);
  }

  private static void addGroup(KStream<String, ScoredUtterance> scored, GroupType type,
      Function<ScoredUtterance, String> groupOf, String storeName,
      Topic<String, ScoredUtterance> utterances, Topic<String, GroupEmotionWindow> out,
      GroupWindowConfig config) {
    String name = type.name().toLowerCase(Locale.ROOT);
    TimeWindows windows = TimeWindows.ofSizeAndGrace(config.size(), config.grace())
        .advanceBy(config.advance());
    scored
        .filter((callId, u) -> u != null && u.getContext() != null && groupOf.apply(u) != null,
            Named.as(name + "-known"))
        .groupBy((callId, u) -> groupOf.apply(u),
            Grouped.with(name + "-utterances", Serdes.String(), utterances.valueSerde()))
        .windowedBy(windows)
        .aggregate(GroupAggregate::empty, (group, u, aggregate) -> aggregate.plus(u),
            Named.as(name + "-aggregate"),
            Materialized.<String, GroupAggregate, WindowStore<Bytes, byte[]>>as(storeName)
                .withKeySerde(Serdes.String())
                .withValueSerde(new JsonSerde<>(GroupAggregate.class))
                .withRetention(config.size().plus(config.grace())))
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
            .withName(name + "-until-window-closes"))
        .toStream(Named.as(name + "-closed"))
        .map((window, aggregate) -> KeyValue.pair(window.key(), aggregate.toWindow(type,
            window.key(), window.window().start(), window.window().end())), Named.as(name + "-window"))
        .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName(name + "-windows-sink"));
  }
}
