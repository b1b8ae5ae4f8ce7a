package io.emostream.topology;

import io.emostream.assembly.InputTopics;
import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.CallEvent;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.GroupEmotionWindow;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.TranscriptSegment;
import io.emostream.avro.Utterance;
import io.emostream.topics.Topic;
import io.emostream.topics.TopicNames;
import io.emostream.topics.ValueSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the application with its serdes, built once from config and handed to the
 * parts of the topology that read or write them.
 *
 * @param names          the topic names
 * @param inputs         calls.audio, calls.transcripts, calls.events
 * @param outputs        the features' outputs (utterances, rollups, summaries, alerts, dead letters)
 * @param agents         per-agent windows
 * @param queues         per-queue windows
 * @param deadLetters    dead letters as raw bytes (assembly keeps the original key bytes)
 * @param utteranceSerde serde of the internal {@link Utterance} (the scorer's pending store)
 */
public record AppTopics(
    TopicNames names,
    InputTopics inputs,
    OutputTopics outputs,
    Topic<String, GroupEmotionWindow> agents,
    Topic<String, GroupEmotionWindow> queues,
    Topic<byte[], byte[]> deadLetters,
    Serde<Utterance> utteranceSerde) {

  /** The topics named by {@code names}, with value serdes from {@code serdes}. */
  public static AppTopics create(TopicNames names, ValueSerdes serdes) {
    Serde<String> keys = Serdes.String();
    InputTopics inputs = new InputTopics(
        new Topic<>(names.audio(), keys, serdes.valueSerde(AudioChunk.class)),
        new Topic<>(names.transcripts(), keys, serdes.valueSerde(TranscriptSegment.class)),
        new Topic<>(names.events(), keys, serdes.valueSerde(CallEvent.class)));
    OutputTopics outputs = new OutputTopics(
        new Topic<>(names.utterances(), keys, serdes.valueSerde(ScoredUtterance.class)),
        new Topic<>(names.calls(), keys, serdes.valueSerde(CallEmotionRollup.class)),
        new Topic<>(names.summaries(), keys, serdes.valueSerde(CallEmotionSummary.class)),
        new Topic<>(names.alerts(), keys, serdes.valueSerde(EmotionAlert.class)),
        new Topic<>(names.deadLetters(), keys, Serdes.ByteArray()));
    Serde<GroupEmotionWindow> windows = serdes.valueSerde(GroupEmotionWindow.class);
    return new AppTopics(names, inputs, outputs,
        new Topic<>(names.agents(), keys, windows),
        new Topic<>(names.queues(), keys, windows),
        new Topic<>(names.deadLetters(), Serdes.ByteArray(), Serdes.ByteArray()),
        serdes.valueSerde(Utterance.class));
  }
}
