package io.emostream.schemas.calls;

import static io.emostream.schemas.calls.TestCalls.utterance;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallReplayPlanTest {
  private static final Instant START = Instant.ofEpochMilli(1_700_000_000_000L);

  @TempDir
  Path dir;

  @Test
  void shouldStartWithCallStartedCarryingParticipantsAndRoles() throws IOException {
    CallReplayPlan plan = stereoPlan(ReplaySettings.defaults());

    ReplayRecord first = plan.get(0);
    assertThat(first.dueMs()).isZero();
    assertThat(first.stream()).isEqualTo(ReplayStream.EVENTS);
    CallEvent started = (CallEvent) first.value();
    assertThat(started.getType()).isEqualTo(CallEventType.CALL_STARTED);
    assertThat(started.getCallId()).isEqualTo("p-call");
    assertThat(started.getTenant()).isEqualTo("acme");
    assertThat(started.getAgentId()).isEqualTo("agent-7");
    assertThat(started.getQueue()).isEqualTo("billing");
    assertThat(started.getTimestamp()).isEqualTo(START);
    assertThat(started.getChannels()).containsExactly(
        ChannelRole.newBuilder().setChannel(0).setRole(SpeakerRole.AGENT).build(),
        ChannelRole.newBuilder().setChannel(1).setRole(SpeakerRole.CUSTOMER).build());
  }

  @Test
  void shouldCutEachChannelIntoChunksDueAtTheirEnd() throws IOException {
    CallReplayPlan plan = stereoPlan(ReplaySettings.defaults());

    List<AudioChunk> right = chunks(plan, 1);
    assertThat(right).extracting(AudioChunk::getSequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(right).extracting(AudioChunk::getStartMs)
        .containsExactly(0L, 200L, 400L, 600L, 800L, 1000L);
    // 1100 ms: five full 200 ms chunks and a 100 ms tail
    assertThat(right).extracting(c -> c.getPayload().remaining())
        .containsExactly(3200, 3200, 3200, 3200, 3200, 1600);
    assertThat(right).allSatisfy(c -> {
      assertThat(c.getSampleRate()).isEqualTo(8000);
      assertThat(c.getEncoding()).isEqualTo(AudioEncoding.PCM_S16LE);
    });
    ByteBuffer second = right.get(1).getPayload().order(ByteOrder.LITTLE_ENDIAN);
    assertThat(second.getShort(0)).isEqualTo((short) (10_000 + 1600)); // channel 1, frame 1600
    assertThat(plan.records()).filteredOn(r -> r.stream() == ReplayStream.AUDIO)
        .extracting(ReplayRecord::dueMs).contains(200L, 1000L, 1100L).doesNotContain(0L);
    assertThat(chunks(plan, 0)).hasSize(6);
  }

  @Test
  void shouldSendFinalTranscriptsAfterTheConfiguredDelay() throws IOException {
    CallReplayPlan plan = stereoPlan(new ReplaySettings(200, 250));

    List<ReplayRecord> transcripts = plan.records().stream()
        .filter(r -> r.stream() == ReplayStream.TRANSCRIPTS).toList();
    assertThat(transcripts).extracting(ReplayRecord::dueMs).containsExactly(650L, 1250L);
    TranscriptSegment first = (TranscriptSegment) transcripts.get(0).value();
    assertThat(first.getUtteranceId()).isEqualTo("u1");
    assertThat(first.getIsFinal()).isTrue();
    assertThat(first.getText()).isEqualTo("hello");
    assertThat(first.getStartMs()).isEqualTo(100);
    assertThat(first.getEndMs()).isEqualTo(400);
    assertThat(first.getConfidence()).isEqualTo(0.9f);
  }

  @Test
  void shouldEndAfterTheLastAudioAndTheLastTranscriptInDueOrder() throws IOException {
    CallReplayPlan plan = stereoPlan(new ReplaySettings(200, 250));

    ReplayRecord last = plan.get(plan.size() - 1);
    assertThat(((CallEvent) last.value()).getType()).isEqualTo(CallEventType.CALL_ENDED);
    assertThat(last.dueMs()).isEqualTo(1250L);
    assertThat(plan.durationMs()).isEqualTo(1250L);
    assertThat(plan.records()).extracting(ReplayRecord::dueMs).isSorted();
    assertThat(plan.size()).isEqualTo(1 + 12 + 2 + 1);
    assertThat(plan.records()).allSatisfy(r -> assertThat(r.callId()).isEqualTo("p-call"));
  }

  @Test
  void shouldKeepMulawBytesOneSamplePerByte() throws IOException {
    TestCalls.writeMonoMulawCall(dir, "mu", 1000, "[]");
    CallRecording rec = CallRecording.load(dir, "mu");

    CallReplayPlan plan = CallReplayPlan.of(rec, "mu", new ReplaySettings(500, 0), START);

    List<AudioChunk> chunks = chunks(plan, 0);
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0).getEncoding()).isEqualTo(AudioEncoding.MULAW);
    assertThat(chunks.get(1).getPayload().remaining()).isEqualTo(4000);
    assertThat(chunks.get(1).getPayload().get(0)).isEqualTo((byte) 4000);
    assertThat(((CallEvent) plan.get(plan.size() - 1).value()).getTimestamp())
        .isEqualTo(START.plusMillis(1000));
  }

  private CallReplayPlan stereoPlan(ReplaySettings settings) throws IOException {
    TestCalls.writeStereoPcmCall(dir, "call", 1100, "[" + utterance("u1", 0, 100, 400, "hello")
        + ", " + utterance("u2", 1, 300, 1000, "hi there") + "]");
    return CallReplayPlan.of(CallRecording.load(dir, "call"), "p-call", settings, START);
  }

  private static List<AudioChunk> chunks(CallReplayPlan plan, int channel) {
    return plan.records().stream().filter(r -> r.stream() == ReplayStream.AUDIO)
        .map(r -> (AudioChunk) r.value()).filter(c -> c.getChannel() == channel).toList();
  }
}
