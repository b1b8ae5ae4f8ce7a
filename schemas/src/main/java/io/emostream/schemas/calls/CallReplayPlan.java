package io.emostream.schemas.calls;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.TranscriptSegment;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The records a recorded call turns into, in the order and at the call times a live contact
 * centre would produce them:
 *
 * <ul>
 *   <li>CALL_STARTED (tenant, agent, queue, channel roles) at 0;
 *   <li>per WAV channel an {@code AudioChunk} every {@code chunkMs} (the last one may be
 *       shorter), due when its audio has been captured, i.e. at its end; payload in the WAV's
 *       encoding and sample rate, {@code sequence} from 0 per channel;
 *   <li>a final {@code TranscriptSegment} per utterance at {@code endMs + transcriptDelayMs};
 *   <li>CALL_ENDED after the last audio chunk and the last transcript, so a consumer that
 *       closes the call on CALL_ENDED has seen everything.
 * </ul>
 *
 * Records due at the same time keep that order (event, audio, transcript, end), audio by
 * channel. The plan is a pure function of its inputs, so a replay resumed at record {@code n}
 * continues exactly where it stopped. Immutable.
 */
public final class CallReplayPlan {
  private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::dueMs)
      .thenComparingInt(Entry::rank)
      .thenComparingLong(Entry::tieBreak);

  private record Entry(long dueMs, int rank, long tieBreak, ReplayRecord record) {}

  private final String callId;
  private final List<ReplayRecord> records;

  private CallReplayPlan(String callId, List<ReplayRecord> records) {
    this.callId = callId;
    this.records = records;
  }

  /**
   * Plans the replay of {@code recording} as call {@code callId}.
   *
   * @param callId the id the records carry (the recording's own, or a prefixed one so the same
   *     recording can be replayed as a new call)
   * @param callStart wall-clock time the call starts; CallEvent timestamps are
   *     {@code callStart + dueMs} (a replayer may restamp them when it sends them)
   */
  public static CallReplayPlan of(CallRecording recording, String callId,
      ReplaySettings settings, Instant callStart) {
    Objects.requireNonNull(recording, "recording");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(callStart, "callStart");
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(0, 0, 0, new ReplayRecord(0, ReplayStream.EVENTS, callId,
        started(recording, callId, callStart))));
    long lastDue = addAudio(entries, recording.audio(), callId, settings.chunkMs());
    for (RecordedUtterance u : recording.utterances()) {
      long due = u.endMs() + settings.transcriptDelayMs();
      lastDue = Math.max(lastDue, due);
      entries.add(new Entry(due, 2, u.startMs(), new ReplayRecord(due,
          ReplayStream.TRANSCRIPTS, callId, transcript(u, callId))));
    }
    CallEvent ended = CallEvent.newBuilder().setCallId(callId)
        .setType(CallEventType.CALL_ENDED).setTimestamp(callStart.plusMillis(lastDue)).build();
    entries.add(new Entry(lastDue, 3, 0,
        new ReplayRecord(lastDue, ReplayStream.EVENTS, callId, ended)));
    entries.sort(ORDER);
    return new CallReplayPlan(callId, entries.stream().map(Entry::record).toList());
  }

  private static CallEvent started(CallRecording recording, String callId, Instant start) {
    List<ChannelRole> roles = recording.channels().stream()
        .map(c -> ChannelRole.newBuilder().setChannel(c.channel()).setRole(c.role()).build())
        .toList();
    return CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_STARTED)
        .setTimestamp(start).setTenant(recording.tenant()).setAgentId(recording.agentId())
        .setQueue(recording.queue()).setChannels(roles).setAttributes(Map.of()).build();
  }

  /** Adds every channel's chunks; returns the due time of the last one. */
  private static long addAudio(List<Entry> entries, WavFile wav, String callId, int chunkMs) {
    long frames = wav.frameCount();
    long lastDue = 0;
    for (int channel = 0; channel < wav.channels(); channel++) {
      for (long seq = 0; ; seq++) {
        long startMs = seq * chunkMs;
        // frame boundaries from ms, rounded down, so chunks tile the audio without gaps
        long fromFrame = startMs * wav.sampleRate() / 1000;
        if (fromFrame >= frames) {
          break;
        }
        long toFrame = Math.min(frames, (startMs + chunkMs) * wav.sampleRate() / 1000);
        long due = Math.min(startMs + chunkMs, wav.durationMs());
        lastDue = Math.max(lastDue, due);
        AudioChunk chunk = AudioChunk.newBuilder().setCallId(callId).setChannel(channel)
            .setSequence(seq).setStartMs(startMs).setSampleRate(wav.sampleRate())
            .setEncoding(wav.encoding())
            .setPayload(ByteBuffer.wrap(wav.channelSamples(channel, fromFrame, toFrame)))
            .build();
        entries.add(new Entry(due, 1, channel,
            new ReplayRecord(due, ReplayStream.AUDIO, callId, chunk)));
      }
    }
    return lastDue;
  }

  private static TranscriptSegment transcript(RecordedUtterance u, String callId) {
    return TranscriptSegment.newBuilder().setCallId(callId).setUtteranceId(u.utteranceId())
        .setChannel(u.channel()).setStartMs(u.startMs()).setEndMs(u.endMs()).setText(u.text())
        .setIsFinal(true).setConfidence(u.confidence()).build();
  }

  /** The call id every record carries. */
  public String callId() {
    return callId;
  }

  /** Every record, in send order; unmodifiable. */
  public List<ReplayRecord> records() {
    return records;
  }

  /** Number of records. */
  public int size() {
    return records.size();
  }

  /** The {@code index}-th record in send order. */
  public ReplayRecord get(int index) {
    return records.get(index);
  }

  /** Call time of the last record (CALL_ENDED). */
  public long durationMs() {
    return records.get(records.size() - 1).dueMs();
  }
}
