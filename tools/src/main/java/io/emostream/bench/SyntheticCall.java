package io.emostream.bench;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import io.emostream.model.audio.G711;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One synthetic two-channel call as a telephony platform and a streaming ASR would publish it:
 * CALL_STARTED, audio chunks per channel in the call's {@link InputFormat} (200 ms of 16 kHz PCM, or
 * 20 ms μ-law frames at 8 kHz as telephony sends; a speech-like voiced signal while that channel's
 * speaker talks, low noise otherwise), a final transcript per line shortly after the line's
 * audio, and CALL_ENDED.
 *
 * <p>Each record carries the moment, relative to the call's start, at which a live system would
 * publish it ({@link TimedRecord#dueMs()}): a chunk once its audio is spoken, a transcript
 * {@link #ASR_LAG_MS} after its line ends. The benchmark replays records in that order, either
 * at that pace or as fast as possible. Immutable.
 */
public final class SyntheticCall {

  /** One line of the script: {@code channel} 0 is the agent, 1 the customer; times from call start. */
  public record Line(String utteranceId, int channel, long startMs, long endMs, String text) {

    /** Length of the line's audio in seconds. */
    public double seconds() {
      return (endMs - startMs) / 1000.0;
    }
  }

  /** A record of the call and when, from the call's start, it is published. */
  public record TimedRecord(long dueMs, Object value) {}

  /** Length of one audio chunk in the default format. */
  public static final int CHUNK_MS = InputFormat.PCM16K.chunkMs();
  /** How long after a line ends its final transcript is published (streaming ASR finalisation). */
  public static final int ASR_LAG_MS = 300;

  private final String callId;
  private final List<Line> lines;
  private final long seed;
  private final InputFormat format;

  /** A call in the default format (200 ms chunks of 16 kHz PCM). */
  public SyntheticCall(String callId, List<Line> lines, long seed) {
    this(callId, lines, seed, InputFormat.PCM16K);
  }

  /**
   * @param callId the call's id, also the record key on every topic
   * @param lines  the script; lines of one channel must not overlap
   * @param seed   seeds the audio noise, so a call's bytes are reproducible
   * @param format how audio is sent
   */
  public SyntheticCall(String callId, List<Line> lines, long seed, InputFormat format) {
    this.callId = Objects.requireNonNull(callId, "callId");
    this.lines = List.copyOf(lines);
    this.seed = seed;
    this.format = Objects.requireNonNull(format, "format");
  }

  public InputFormat format() {
    return format;
  }

  public String callId() {
    return callId;
  }

  public List<Line> lines() {
    return lines;
  }

  /** End of the call's audio, in ms from its start. */
  public long durationMs() {
    long lastLine = lines.stream().mapToLong(Line::endMs).max().orElse(0);
    return (lastLine / CHUNK_MS + 2) * CHUNK_MS; // a multiple of every format's chunk
  }

  /** Every record of the call with its publication time, in publication order. */
  public List<TimedRecord> records() {
    long endMs = durationMs();
    List<TimedRecord> out = new ArrayList<>();
    out.add(new TimedRecord(0, CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_STARTED)
        .setTimestamp(Instant.now()).setTenant("bench").setAgentId("agent-" + Math.floorMod(seed, 50))
        .setQueue(Math.floorMod(seed, 2) == 0 ? "billing" : "support")
        .setChannels(List.of(new ChannelRole(0, SpeakerRole.AGENT), new ChannelRole(1, SpeakerRole.CUSTOMER)))
        .build()));
    Random random = new Random(seed);
    List<TimedRecord> transcripts = new ArrayList<>();
    for (Line line : lines) {
      transcripts.add(new TimedRecord(line.endMs() + ASR_LAG_MS, TranscriptSegment.newBuilder().setCallId(callId)
          .setUtteranceId(line.utteranceId()).setChannel(line.channel()).setStartMs(line.startMs())
          .setEndMs(line.endMs()).setText(line.text()).setIsFinal(true).setConfidence(0.9f).build()));
    }
    int nextTranscript = 0;
    long sequence = 0;
    for (long t = 0; t < endMs; t += format.chunkMs()) {
      long due = t + format.chunkMs();
      while (nextTranscript < transcripts.size() && transcripts.get(nextTranscript).dueMs() <= due) {
        out.add(transcripts.get(nextTranscript++));
      }
      for (int channel = 0; channel < 2; channel++) {
        out.add(new TimedRecord(due, chunk(channel, sequence, t, random)));
      }
      sequence++;
    }
    while (nextTranscript < transcripts.size()) {
      out.add(transcripts.get(nextTranscript++));
    }
    long endedAt = Math.max(endMs, out.get(out.size() - 1).dueMs()) + 100;
    out.add(new TimedRecord(endedAt, CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_ENDED)
        .setTimestamp(Instant.now()).build()));
    out.sort(java.util.Comparator.comparingLong(TimedRecord::dueMs)); // stable: keeps same-time order
    return out;
  }

  private AudioChunk chunk(int channel, long sequence, long startMs, Random random) {
    int rate = format.sampleRate();
    int samples = format.chunkMs() * rate / 1000;
    boolean pcm = format.encoding() == AudioEncoding.PCM_S16LE;
    ByteBuffer payload = ByteBuffer.allocate(samples * (pcm ? 2 : 1)).order(ByteOrder.LITTLE_ENDIAN);
    Line speaking = null;
    for (int i = 0; i < samples; i++) {
      long ms = startMs + i * 1000L / rate;
      if (speaking == null || ms >= speaking.endMs() || ms < speaking.startMs()) {
        speaking = lineAt(channel, ms);
      }
      double t = (double) (startMs * rate / 1000 + i) / rate;
      double sample = speaking == null ? 0.002 * random.nextGaussian() : voiced(channel, t) + 0.03 * random.nextGaussian();
      short linear = (short) Math.max(-32768, Math.min(32767, Math.round(sample * 32767)));
      if (pcm) {
        payload.putShort(linear);
      } else {
        payload.put(G711.linearToMulaw(linear));
      }
    }
    return AudioChunk.newBuilder().setCallId(callId).setChannel(channel).setSequence(sequence)
        .setStartMs(startMs).setSampleRate(rate).setEncoding(format.encoding())
        .setPayload(ByteBuffer.wrap(payload.array())).build();
  }

  /** A voiced signal: two harmonics of a wandering pitch under a syllable-rate envelope. */
  private static double voiced(int channel, double t) {
    double f0 = (channel == 0 ? 120 : 200) * (1 + 0.08 * Math.sin(2 * Math.PI * 0.9 * t));
    double envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4.5 * t);
    double phase = 2 * Math.PI * f0 * t;
    return 0.3 * envelope * (Math.sin(phase) + 0.4 * Math.sin(2 * phase));
  }

  private Line lineAt(int channel, long ms) {
    for (Line line : lines) {
      if (line.channel() == channel && ms >= line.startMs() && ms < line.endMs()) {
        return line;
      }
    }
    return null;
  }
}
