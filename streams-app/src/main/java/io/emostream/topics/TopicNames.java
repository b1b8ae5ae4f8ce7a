package io.emostream.topics;

import io.emostream.config.TopicKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of every topic emostream reads or writes: defaults from the architecture, an
 * optional common prefix ({@code topics.prefix}), and a per-topic override
 * ({@code topics.<logical name>}, e.g. {@code topics.calls.audio=acme.audio}). An override is
 * used as given, without the prefix.
 *
 * @param audio          calls.audio: AudioChunk input
 * @param transcripts    calls.transcripts: TranscriptSegment input
 * @param events         calls.events: CallEvent input
 * @param utterances     emotion.utterances: ScoredUtterance output
 * @param calls          emotion.calls: CallEmotionRollup output
 * @param agents         emotion.agents: GroupEmotionWindow output per agent
 * @param queues         emotion.queues: GroupEmotionWindow output per queue
 * @param summaries      emotion.call-summaries: CallEmotionSummary output
 * @param alerts         emotion.alerts: EmotionAlert output
 * @param deadLetters    emotion.dead-letters: original bytes of every record that failed
 */
public record TopicNames(
    String audio,
    String transcripts,
    String events,
    String utterances,
    String calls,
    String agents,
    String queues,
    String summaries,
    String alerts,
    String deadLetters) {

  /** Config key of the common prefix. */
  public static final String PREFIX_CONFIG = TopicKeys.PREFIX_CONFIG;

  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** Logical name (and default) of each topic, in record-component order. */
  public static final List<String> LOGICAL = TopicKeys.LOGICAL;

  public TopicNames {
    for (String name : List.of(audio, transcripts, events, utterances, calls, agents, queues, summaries, alerts, deadLetters)) {
      Objects.requireNonNull(name, "topic name");
      if (!LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException("'" + name + "' is not a legal Kafka topic name: use 1-249 characters"
            + " from a-z, A-Z, 0-9, '.', '_' and '-'");
      }
    }
  }

  /** The architecture's default names. */
  public static TopicNames defaults() {
    return from(Map.of());
  }

  /** Names from config: {@code topics.prefix} and {@code topics.<logical name>} keys. */
  public static TopicNames from(Map<String, ?> config) {
    Object configuredPrefix = config.get(PREFIX_CONFIG);
    String prefix = configuredPrefix == null ? "" : configuredPrefix.toString().trim();
    String[] n = new String[LOGICAL.size()];
    for (int i = 0; i < n.length; i++) {
      Object override = config.get(TopicKeys.nameConfig(LOGICAL.get(i)));
      n[i] = override != null && !override.toString().isBlank() ? override.toString().trim() : prefix + LOGICAL.get(i);
    }
    return new TopicNames(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9]);
  }

  /** The three input topics, which must be co-partitioned. */
  public List<String> inputs() {
    return List.of(audio, transcripts, events);
  }

  /** Every output topic, dead letters included. */
  public List<String> outputs() {
    return List.of(utterances, calls, agents, queues, summaries, alerts, deadLetters);
  }

  /** Logical name to actual name, for logs and the startup banner. */
  public Map<String, String> asMap() {
    List<String> actual = List.of(audio, transcripts, events, utterances, calls, agents, queues, summaries, alerts, deadLetters);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < LOGICAL.size(); i++) {
      map.put(LOGICAL.get(i), actual.get(i));
    }
    return map;
  }
}
