package io.emostream.schemas.calls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A recorded call of the recorded-call directory format: {@code <callId>.wav} (the audio) and
 * {@code <callId>.json} (participants and transcript), loaded and checked together so that a
 * replay never emits half a call. See {@link CallRecordingReader} for the JSON layout and the
 * checks.
 *
 * @param callId the call's id (the files' base name); never null
 * @param tenant tenant of the call, or null
 * @param agentId agent handling the call, or null
 * @param queue queue the call came through, or null
 * @param channels channel to role mapping, at least one entry, each naming a WAV channel
 * @param utterances transcript, ordered by start time; may be empty
 * @param audio the WAV
 * @param jsonFile where the transcript JSON was read from (the WAV is its sibling)
 */
public record CallRecording(String callId, String tenant, String agentId, String queue,
    List<ChannelAssignment> channels, List<RecordedUtterance> utterances, WavFile audio,
    Path jsonFile) {

  public CallRecording {
    Objects.requireNonNull(callId, "callId");
    channels = List.copyOf(channels);
    utterances = List.copyOf(utterances);
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(jsonFile, "jsonFile");
  }

  /**
   * Loads {@code <dir>/<callId>.json} and {@code <dir>/<callId>.wav}.
   *
   * @throws InvalidRecordingException naming the file at fault
   */
  public static CallRecording load(Path directory, String callId) {
    return load(directory.resolve(callId + CallDirectory.JSON_SUFFIX));
  }

  /**
   * Loads a call from its transcript JSON and the WAV next to it with the same base name.
   *
   * @throws InvalidRecordingException naming the file at fault
   */
  public static CallRecording load(Path jsonFile) {
    String name = jsonFile.getFileName().toString();
    if (!name.endsWith(CallDirectory.JSON_SUFFIX)) {
      throw new InvalidRecordingException(jsonFile + " is not a call transcript: its name must "
          + "end with " + CallDirectory.JSON_SUFFIX);
    }
    String baseName = name.substring(0, name.length() - CallDirectory.JSON_SUFFIX.length());
    Path wav = jsonFile.resolveSibling(baseName + CallDirectory.WAV_SUFFIX);
    if (!Files.isRegularFile(wav)) {
      throw new InvalidRecordingException("Call " + jsonFile + " has no audio: expected " + wav
          + " next to it (same base name).");
    }
    return CallRecordingReader.read(jsonFile, baseName, WavFile.read(wav));
  }
}
