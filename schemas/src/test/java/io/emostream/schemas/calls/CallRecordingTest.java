package io.emostream.schemas.calls;

import static io.emostream.schemas.calls.TestCalls.utterance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.SpeakerRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRecordingTest {
  @TempDir
  Path dir;

  @Test
  void shouldLoadTranscriptAndAudioOfAStereoCall() throws IOException {
    TestCalls.writeStereoPcmCall(dir, "call-a", 2000, "[" + utterance("u2", 1, 900, 1800, "no")
        + ", " + utterance("u1", 0, 100, 800, "hello") + "]");

    CallRecording call = CallRecording.load(dir, "call-a");

    assertThat(call.callId()).isEqualTo("call-a");
    assertThat(call.tenant()).isEqualTo("acme");
    assertThat(call.agentId()).isEqualTo("agent-7");
    assertThat(call.queue()).isEqualTo("billing");
    assertThat(call.channels()).containsExactly(new ChannelAssignment(0, SpeakerRole.AGENT),
        new ChannelAssignment(1, SpeakerRole.CUSTOMER));
    assertThat(call.utterances()).extracting(RecordedUtterance::utteranceId)
        .containsExactly("u1", "u2");
    assertThat(call.utterances().get(0))
        .isEqualTo(new RecordedUtterance("u1", 0, 100, 800, "hello", 0.9f, "neutral"));
    assertThat(call.audio().durationMs()).isEqualTo(2000);
  }

  @Test
  void shouldListCallsByTheirTranscriptFiles() throws IOException {
    TestCalls.writeMonoMulawCall(dir, "b", 500, "[]");
    TestCalls.writeMonoMulawCall(dir, "a", 500, "[]");
    Files.writeString(dir.resolve("README.txt"), "not a call");

    assertThat(CallDirectory.callIds(dir)).containsExactly("a", "b");
  }

  @Test
  void shouldNotAllowAMissingDirectory() {
    assertThatThrownBy(() -> CallDirectory.callIds(dir.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope").hasMessageContaining("does not exist");
  }

  @Test
  void shouldNotAllowUtterancesPastTheEndOfTheAudio() throws IOException {
    Path json = TestCalls.writeMonoMulawCall(dir, "short", 1000,
        "[" + utterance("u1", 0, 500, 1200, "too long") + "]");

    assertThatThrownBy(() -> CallRecording.load(json))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessageContaining(json.toString())
        .hasMessageContaining("ends at 1200 ms but the audio")
        .hasMessageContaining("lasts only 1000 ms");
  }

  @Test
  void shouldNotAllowChannelsTheAudioDoesNotHave() throws IOException {
    Path json = TestCalls.writeMonoMulawCall(dir, "mono", 1000,
        "[" + utterance("u1", 1, 0, 500, "who") + "]");

    assertThatThrownBy(() -> CallRecording.load(json))
        .hasMessageContaining(json.toString())
        .hasMessageContaining("names channel 1 but the audio")
        .hasMessageContaining("has 1 channel(s)");
  }

  @Test
  void shouldNotAllowEndBeforeStart() throws IOException {
    Path json = TestCalls.writeMonoMulawCall(dir, "back", 1000,
        "[" + utterance("u1", 0, 600, 500, "backwards") + "]");

    assertThatThrownBy(() -> CallRecording.load(json))
        .hasMessageContaining("utterance 'u1' has startMs 600 and endMs 500");
  }

  @Test
  void shouldNotAllowOverlappingUtterancesOfOneChannel() throws IOException {
    Path json = TestCalls.writeStereoPcmCall(dir, "overlap", 2000, "["
        + utterance("u1", 1, 0, 900, "a") + ", " + utterance("u2", 0, 100, 600, "b") + ", "
        + utterance("u3", 1, 800, 1500, "c") + "]");

    assertThatThrownBy(() -> CallRecording.load(json))
        .hasMessageContaining("'u1' and 'u3' overlap on channel 1");
  }

  @Test
  void shouldNotAllowACallIdThatDiffersFromTheFileName() throws IOException {
    Path json = TestCalls.writeMonoMulawCall(dir, "file-name", 500, "[]");
    Files.move(dir.resolve("file-name.wav"), dir.resolve("other.wav"));
    Path renamed = Files.move(json, dir.resolve("other.json"));

    assertThatThrownBy(() -> CallRecording.load(renamed))
        .hasMessageContaining("says callId 'file-name' but its file name says 'other'");
  }

  @Test
  void shouldNotAllowATranscriptWithoutAudio() throws IOException {
    Path json = TestCalls.writeMonoMulawCall(dir, "lonely", 500, "[]");
    Files.delete(dir.resolve("lonely.wav"));

    assertThatThrownBy(() -> CallRecording.load(json))
        .hasMessageContaining("has no audio: expected")
        .hasMessageContaining("lonely.wav");
  }

  @Test
  void shouldNotAllowUnknownRolesOrBrokenJson() throws IOException {
    TestCalls.writeMonoMulawCall(dir, "roles", 500, "[]");
    Path json = TestCalls.writeJson(dir, "roles", "[{\"channel\": 0, \"role\": \"BOT\"}]", "[]");
    assertThatThrownBy(() -> CallRecording.load(json)).hasMessageContaining("unknown role 'BOT'");

    Files.writeString(json, "{\"channels\": [");
    assertThatThrownBy(() -> CallRecording.load(json))
        .hasMessageContaining(json + " is not valid JSON");
  }
}
