package io.emostream.assembly;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.avro.TranscriptSegment;
import io.emostream.common.FeatureApi;
import io.emostream.topics.Topic;
import java.util.List;
import java.util.Objects;

/**
 * The three co-partitioned input topics. Their value serdes must be configured (as value
 * serdes, with their registry) before they are passed in; the assembly reads raw bytes
 * and calls their deserializers itself so that failures can be dead-lettered.
 */
@FeatureApi
public record InputTopics(Topic<String, AudioChunk> audio, Topic<String, TranscriptSegment> transcripts,
                          Topic<String, CallEvent> events) {

  public InputTopics {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(transcripts, "transcripts");
    Objects.requireNonNull(events, "events");
  }

  /** The topic names, audio first. */
  public List<String> names() {
    return List.of(audio.name(), transcripts.name(), events.name());
  }
}
