package io.emostream.testing;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;

/**
 * A two-channel call written as the telephony platform would publish it: CALL_STARTED, 16 kHz
 * PCM audio chunks per channel (a voiced tone-plus-noise signal while a speaker talks, near
 * silence otherwise), a final transcript for each line after its audio, and CALL_ENDED.
 */
public final class ScriptedCall {

  /** One line of the script. */
  public record Line(int channel, long startMs, long endMs, String text) {}

  private static final int RATE = 16_000;
  private static final int CHUNK_MS = 200;

  private final String callId;
  private final List<Line> lines = new ArrayList<>();

  public ScriptedCall(String callId) {
    this.callId = callId;
  }

  /** Adds a line spoken on {@code channel} (0 agent, 1 customer) over [startMs, endMs). */
  public ScriptedCall say(int channel, long startMs, long endMs, String text) {
    lines.add(new Line(channel, startMs, endMs, text));
    return this;
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  public String callId() {
    return callId;
  }

  /** The utterance ids of the final transcripts, in script order. */
  public List<String> utteranceIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ids.add(utteranceId(i));
    }
    return ids;
  }

  /** Every record of the call in publication order, as (topic kind, value) pairs. */
  public List<SpecificRecord> records() {
    long endMs = lines.stream().mapToLong(Line::endMs).max().orElse(0) + 500;
    List<SpecificRecord> out = new ArrayList<>();
    out.add(CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_STARTED)
        .setTimestamp(Instant.now()).setTenant("acme").setAgentId("agent-7").setQueue("billing")
        .setChannels(List.of(new ChannelRole(0, SpeakerRole.AGENT), new ChannelRole(1, SpeakerRole.CUSTOMER)))
        .build());
    Random random = new Random(callId.hashCode());
    long sequence = 0;
    for (long t = 0; t < endMs; t += CHUNK_MS) {
      for (int channel = 0; channel < 2; channel++) {
        out.add(chunk(channel, sequence, t, random));
      }
      sequence++;
      for (int i = 0; i < lines.size(); i++) {
        Line line = lines.get(i);
        if (line.endMs() > t && line.endMs() <= t + CHUNK_MS) {
          out.add(TranscriptSegment.newBuilder().setCallId(callId).setUtteranceId(utteranceId(i))
              .setChannel(line.channel()).setStartMs(line.startMs()).setEndMs(line.endMs())
              .setText(line.text()).setIsFinal(true).setConfidence(0.9f).build());
        }
      }
    }
    out.add(CallEvent.newBuilder().setCallId(callId).setType(CallEventType.CALL_ENDED)
        .setTimestamp(Instant.now()).build());
    return out;
  }

  private String utteranceId(int index) {
    return "u" + (index + 1);
  }

  private AudioChunk chunk(int channel, long sequence, long startMs, Random random) {
    ByteBuffer pcm = ByteBuffer.allocate(CHUNK_MS * RATE / 1000 * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < CHUNK_MS * RATE / 1000; i++) {
      long ms = startMs + i * 1000L / RATE;
      boolean voiced = lines.stream().anyMatch(l -> l.channel() == channel && ms >= l.startMs() && ms < l.endMs());
      double t = (double) (startMs * RATE / 1000 + i) / RATE;
      double sample = voiced
          ? 0.3 * Math.sin(2 * Math.PI * (channel == 0 ? 140 : 220) * t) + 0.05 * random.nextGaussian()
          : 0.002 * random.nextGaussian();
      pcm.putShort((short) Math.max(-32768, Math.min(32767, Math.round(sample * 32767))));
    }
    return AudioChunk.newBuilder().setCallId(callId).setChannel(channel).setSequence(sequence)
        .setStartMs(startMs).setSampleRate(RATE).setEncoding(AudioEncoding.PCM_S16LE)
        .setPayload(ByteBuffer.wrap(pcm.array())).build();
  }
}
