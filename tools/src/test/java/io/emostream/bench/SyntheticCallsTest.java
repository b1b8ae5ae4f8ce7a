package io.emostream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.TranscriptSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCallsTest {

  @Test
  void shouldSendTelephonyAudioAs20MsMulawFramesOf160Bytes() {
    SyntheticCall call = SyntheticCalls.generate("t-", 1, 4, 7, InputFormat.TELEPHONY).get(0);
    List<AudioChunk> frames = call.records().stream().filter(r -> r.value() instanceof AudioChunk)
        .map(r -> (AudioChunk) r.value()).toList();
    assertThat(frames).allSatisfy(f -> {
      assertThat(f.getEncoding()).isEqualTo(io.emostream.avro.AudioEncoding.MULAW);
      assertThat(f.getSampleRate()).isEqualTo(8_000);
      assertThat(f.getPayload().remaining()).isEqualTo(160);
      assertThat(f.getStartMs() % 20).isZero();
    });
    assertThat(frames).hasSize((int) (2 * call.durationMs() / 20));
  }

  @Test
  void shouldGiveTheModelAloneRunEveryLineAs16kHzAudioOfItsLength() {
    List<SyntheticCall> calls = SyntheticCalls.generate("m-", 2, 3, 7, InputFormat.TELEPHONY);
    List<io.emostream.model.UtteranceInput> inputs = ModelAloneRun.inputs(calls);
    assertThat(inputs).hasSize(6);
    SyntheticCall.Line first = calls.get(0).lines().get(0);
    assertThat(inputs.get(0).id()).isEqualTo(calls.get(0).callId() + "/" + first.utteranceId());
    assertThat(inputs.get(0).audio()).hasSize((int) ((first.endMs() - first.startMs()) * 16));
    assertThat(inputs.get(0).text()).isEqualTo(first.text());
  }

  @Test
  void shouldGenerateTheRequestedCallsWithAgentAndCustomerTakingTurns() {
    List<SyntheticCall> calls = SyntheticCalls.generate("c-", 3, 5, 42);

    assertThat(calls).extracting(SyntheticCall::callId).containsExactly("c-0", "c-1", "c-2");
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.lines()).hasSize(5).extracting(SyntheticCall.Line::channel).containsExactly(0, 1, 0, 1, 0);
      assertThat(call.lines()).allSatisfy(l -> assertThat(l.seconds()).isBetween(1.5, 4.5));
      for (int i = 1; i < call.lines().size(); i++) {
        assertThat(call.lines().get(i).startMs()).isGreaterThan(call.lines().get(i - 1).endMs());
      }
    });
  }

  @Test
  void shouldPublishEachFinalTranscriptOnlyAfterAllAudioItCovers() {
    SyntheticCall call = SyntheticCalls.generate("c-", 1, 6, 7).get(0);
    List<SyntheticCall.TimedRecord> records = call.records();

    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).value() instanceof TranscriptSegment t) {
        long lastChunkStart = (t.getEndMs() - 1) / SyntheticCall.CHUNK_MS * SyntheticCall.CHUNK_MS;
        List<Object> before = records.subList(0, i).stream().map(SyntheticCall.TimedRecord::value).toList();
        assertThat(before).as("audio before %s", t.getUtteranceId())
            .anyMatch(v -> v instanceof AudioChunk a && a.getChannel() == t.getChannel()
                && a.getStartMs() == lastChunkStart);
      }
    }
    assertThat(records).extracting(SyntheticCall.TimedRecord::dueMs).isSorted();
  }

  @Test
  void shouldFrameTheCallWithStartAndEndEventsAndOneTranscriptPerLine() {
    SyntheticCall call = SyntheticCalls.generate("c-", 1, 4, 1).get(0);
    List<Object> values = call.records().stream().map(SyntheticCall.TimedRecord::value).toList();

    assertThat(values.get(0)).isInstanceOfSatisfying(CallEvent.class,
        e -> assertThat(e.getType()).isEqualTo(CallEventType.CALL_STARTED));
    assertThat(values.get(values.size() - 1)).isInstanceOfSatisfying(CallEvent.class,
        e -> assertThat(e.getType()).isEqualTo(CallEventType.CALL_ENDED));
    assertThat(values).filteredOn(TranscriptSegment.class::isInstance)
        .extracting(v -> ((TranscriptSegment) v).getUtteranceId()).containsExactly("u1", "u2", "u3", "u4");
    long chunksPerChannel = call.durationMs() / SyntheticCall.CHUNK_MS;
    assertThat(values).filteredOn(AudioChunk.class::isInstance).hasSize((int) (2 * chunksPerChannel));
  }

  @Test
  void shouldMakeLouderAudioWhileTheSpeakerTalksThanInTheirSilence() {
    SyntheticCall call = SyntheticCalls.generate("c-", 1, 2, 3).get(0);
    SyntheticCall.Line agentLine = call.lines().get(0);
    List<AudioChunk> agentChunks = call.records().stream().map(SyntheticCall.TimedRecord::value)
        .filter(v -> v instanceof AudioChunk a && a.getChannel() == 0).map(AudioChunk.class::cast).toList();

    double voiced = rms(agentChunks.stream().filter(a -> a.getStartMs() >= agentLine.startMs()
        && a.getStartMs() + SyntheticCall.CHUNK_MS <= agentLine.endMs()).findFirst().orElseThrow());
    double silent = rms(agentChunks.stream().filter(a -> a.getStartMs() > agentLine.endMs()).findFirst().orElseThrow());
    assertThat(voiced).isGreaterThan(20 * silent);
  }

  @Test
  void shouldGenerateTheSameCallsForTheSameSeed() {
    assertThat(SyntheticCalls.generate("c-", 2, 3, 9).get(1).lines())
        .isEqualTo(SyntheticCalls.generate("c-", 2, 3, 9).get(1).lines());
  }

  @Test
  void shouldRejectAnEmptyWorkloadNamingTheOptions() {
    assertThatThrownBy(() -> SyntheticCalls.generate("c-", 0, 3, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--calls");
  }

  private static double rms(AudioChunk chunk) {
    java.nio.ByteBuffer pcm = chunk.getPayload().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    int n = 0;
    while (pcm.remaining() >= 2) {
      double s = pcm.getShort() / 32768.0;
      sum += s * s;
      n++;
    }
    return Math.sqrt(sum / n);
  }
}
