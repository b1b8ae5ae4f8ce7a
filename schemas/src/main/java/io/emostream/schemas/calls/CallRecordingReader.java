package io.emostream.schemas.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.avro.SpeakerRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a call's transcript JSON and checks it against its WAV:
 *
 * <pre>{@code
 * {"callId": "demo-escalation", "tenant": "acme", "agentId": "agent-7", "queue": "billing",
 *  "channels": [{"channel": 0, "role": "AGENT"}, {"channel": 1, "role": "CUSTOMER"}],
 *  "utterances": [{"utteranceId": "u1", "channel": 0, "startMs": 400, "endMs": 3100,
 *                  "text": "...", "confidence": 0.93, "label": "neutral"}]}
 * }</pre>
 *
 * <p>{@code callId} may be left out (the base name is used) but must equal the base name when
 * given; tenant, agentId, queue, confidence and label are optional. Checked: every channel
 * exists in the WAV and is listed once; roles are AGENT, CUSTOMER or UNKNOWN; utterance ids are
 * unique; {@code 0 <= startMs <= endMs <= } the WAV's length; utterances of one channel do not
 * overlap. Each failure is an {@link InvalidRecordingException} naming the file and the entry.
 */
final class CallRecordingReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CallRecordingReader() {}

  static CallRecording read(Path jsonFile, String baseName, WavFile audio) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(jsonFile));
    } catch (JsonProcessingException e) {
      throw new InvalidRecordingException(jsonFile + " is not valid JSON: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidRecordingException("Cannot read " + jsonFile + ": " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidRecordingException(jsonFile + " must hold one JSON object with "
          + "channels and utterances.");
    }
    String callId = optionalText(root, "callId");
    if (callId != null && !callId.equals(baseName)) {
      throw new InvalidRecordingException(jsonFile + " says callId '" + callId + "' but its "
          + "file name says '" + baseName + "': rename the files or fix the callId.");
    }
    List<ChannelAssignment> channels = channels(jsonFile, root, audio);
    List<RecordedUtterance> utterances = utterances(jsonFile, root, audio);
    return new CallRecording(baseName, optionalText(root, "tenant"),
        optionalText(root, "agentId"), optionalText(root, "queue"), channels, utterances, audio,
        jsonFile);
  }

  private static List<ChannelAssignment> channels(Path file, JsonNode root, WavFile audio) {
    JsonNode array = root.get("channels");
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new InvalidRecordingException(file + ": 'channels' must be a non-empty array of "
          + "{\"channel\": n, \"role\": \"AGENT\"|\"CUSTOMER\"}.");
    }
    List<ChannelAssignment> result = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (JsonNode entry : array) {
      int channel = requiredInt(file, entry, "channel", "channels entry " + entry);
      checkChannel(file, audio, channel, "channels entry " + entry);
      if (!seen.add(channel)) {
        throw new InvalidRecordingException(file + ": channel " + channel + " is listed twice "
            + "in 'channels'.");
      }
      String role = requiredText(file, entry, "role", "channels entry " + entry);
      result.add(new ChannelAssignment(channel, role(file, role)));
    }
    return result;
  }

  private static SpeakerRole role(Path file, String role) {
    try {
      return SpeakerRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordingException(file + ": unknown role '" + role + "'; use AGENT, "
          + "CUSTOMER or UNKNOWN.");
    }
  }

  private static List<RecordedUtterance> utterances(Path file, JsonNode root, WavFile audio) {
    JsonNode array = root.get("utterances");
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new InvalidRecordingException(file + ": 'utterances' must be an array.");
    }
    List<RecordedUtterance> result = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode u : array) {
      String id = requiredText(file, u, "utteranceId", "utterance " + u);
      String where = "utterance '" + id + "'";
      if (!ids.add(id)) {
        throw new InvalidRecordingException(file + ": utteranceId '" + id + "' is used twice.");
      }
      int channel = requiredInt(file, u, "channel", where);
      checkChannel(file, audio, channel, where);
      long start = requiredLong(file, u, "startMs", where);
      long end = requiredLong(file, u, "endMs", where);
      if (start < 0 || end < start) {
        throw new InvalidRecordingException(file + ": " + where + " has startMs " + start
            + " and endMs " + end + "; need 0 <= startMs <= endMs.");
      }
      if (end > audio.durationMs()) {
        throw new InvalidRecordingException(file + ": " + where + " ends at " + end
            + " ms but the audio " + audio.source() + " lasts only " + audio.durationMs()
            + " ms.");
      }
      JsonNode conf = u.get("confidence");
      Float confidence = conf == null || conf.isNull() ? null : (float) conf.asDouble();
      if (confidence != null && (confidence < 0 || confidence > 1)) {
        throw new InvalidRecordingException(file + ": " + where + " has confidence "
            + confidence + "; it must be in [0, 1].");
      }
      result.add(new RecordedUtterance(id, channel, start, end,
          requiredText(file, u, "text", where), confidence, optionalText(u, "label")));
    }
    checkNoOverlap(file, result);
    result.sort(Comparator.comparingLong(RecordedUtterance::startMs)
        .thenComparingInt(RecordedUtterance::channel));
    return result;
  }

  private static void checkNoOverlap(Path file, List<RecordedUtterance> utterances) {
    Map<Integer, List<RecordedUtterance>> byChannel = new HashMap<>();
    for (RecordedUtterance u : utterances) {
      byChannel.computeIfAbsent(u.channel(), c -> new ArrayList<>()).add(u);
    }
    for (List<RecordedUtterance> list : byChannel.values()) {
      list.sort(Comparator.comparingLong(RecordedUtterance::startMs));
      for (int i = 1; i < list.size(); i++) {
        RecordedUtterance prev = list.get(i - 1);
        RecordedUtterance cur = list.get(i);
        if (cur.startMs() < prev.endMs()) {
          throw new InvalidRecordingException(file + ": utterances '" + prev.utteranceId()
              + "' and '" + cur.utteranceId() + "' overlap on channel " + cur.channel()
              + "; one speaker's utterances must not overlap.");
        }
      }
    }
  }

  private static void checkChannel(Path file, WavFile audio, int channel, String where) {
    if (channel < 0 || channel >= audio.channels()) {
      throw new InvalidRecordingException(file + ": " + where + " names channel " + channel
          + " but the audio " + audio.source() + " has " + audio.channels() + " channel(s) "
          + "(numbered from 0).");
    }
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String requiredText(Path file, JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidRecordingException(file + ": " + where + " needs a string '" + field
          + "'.");
    }
    return value.asText();
  }

  private static long requiredLong(Path file, JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new InvalidRecordingException(file + ": " + where + " needs an integer '" + field
          + "' (milliseconds).");
    }
    return value.asLong();
  }

  private static int requiredInt(Path file, JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new InvalidRecordingException(file + ": " + where + " needs an integer '" + field
          + "'.");
    }
    return value.asInt();
  }
}
