package io.emostream.model.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted demo call (format at the top of {@code demo-calls.txt}).
 *
 * @param callId        base name of the call's files
 * @param tenant        tenant id for the transcript
 * @param agentId       agent id for the transcript
 * @param queue         queue for the transcript
 * @param agentVoice    espeak-ng {@code language+variant} of the agent
 * @param customerVoice espeak-ng {@code language+variant} of the customer
 * @param turns         the turns in order
 */
public record DemoCallScript(String callId, String tenant, String agentId, String queue, String agentVoice,
    String customerVoice, List<Turn> turns) {

  /** The scripts that ship with the project. */
  public static final String RESOURCE = "/io/emostream/model/corpus/demo-calls.txt";

  /**
   * One turn.
   *
   * @param role  who speaks
   * @param text  the emotion of the words
   * @param voice the emotion of the voice
   * @param words what is said
   */
  public record Turn(Role role, Emotion text, Emotion voice, String words) {

    /** The ground-truth label under {@link LabelRule}. */
    public Emotion label() {
      return LabelRule.label(text, voice);
    }
  }

  /** Reads the scripts shipped in {@link #RESOURCE}. */
  public static List<DemoCallScript> loadDefault() {
    try (InputStream in = DemoCallScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Demo call scripts " + RESOURCE + " are missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  static List<DemoCallScript> parse(List<String> lines) {
    List<DemoCallScript> calls = new ArrayList<>();
    Map<String, String> header = null;
    List<Turn> turns = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("=")) {
        if (header != null) {
          calls.add(of(header, turns));
        }
        header = header(line.substring(1).strip());
        turns = new ArrayList<>();
        continue;
      }
      if (header == null) {
        throw new IllegalArgumentException("Demo call line before any '= callId ...' header: " + raw);
      }
      int colon = line.indexOf(':');
      String[] head = line.substring(0, Math.max(colon, 0)).strip().split("\\s+");
      if (colon < 0 || head.length != 2) {
        throw new IllegalArgumentException("Demo call line must be '<role> <emotion>[/<voice>]: text': " + raw);
      }
      String[] emotions = head[1].split("/");
      Emotion text = Emotion.fromLabel(emotions[0]);
      Emotion voice = emotions.length > 1 ? Emotion.fromLabel(emotions[1]) : text;
      turns.add(new Turn(Role.fromLabel(head[0]), text, voice, line.substring(colon + 1).strip()));
    }
    if (header != null) {
      calls.add(of(header, turns));
    }
    return List.copyOf(calls);
  }

  private static Map<String, String> header(String text) {
    String[] parts = text.split("\\s+");
    Map<String, String> out = new HashMap<>();
    out.put("callId", parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      out.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    return out;
  }

  private static DemoCallScript of(Map<String, String> h, List<Turn> turns) {
    for (String key : List.of("tenant", "agentId", "queue", "agentVoice", "customerVoice")) {
      if (!h.containsKey(key)) {
        throw new IllegalArgumentException("Demo call " + h.get("callId") + " lacks " + key + "=... in its header");
      }
    }
    return new DemoCallScript(h.get("callId"), h.get("tenant"), h.get("agentId"), h.get("queue"), h.get("agentVoice"),
        h.get("customerVoice"), List.copyOf(turns));
  }
}
