package io.emostream.assembly;

import io.emostream.audio.EnergyVad;
import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.Utterance;
import io.emostream.avro.UtteranceSource;
import java.nio.ByteBuffer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Builds {@link Utterance} records and forwards them to the assembler's output node. */
final class Utterances {

  private final ProcessorContext<Object, Object> context;
  private final String outputName;

  Utterances(ProcessorContext<Object, Object> context, String outputName) {
    this.context = context;
    this.outputName = outputName;
  }

  void emitTranscript(String callId, PendingTranscript p, SpeakerRole role, AudioBuffer.Coverage coverage, long now) {
    Utterance u = Utterance.newBuilder()
        .setCallId(callId)
        .setUtteranceId(p.utteranceId())
        .setChannel(p.channel())
        .setRole(role)
        .setStartMs(p.startMs())
        .setEndMs(p.endMs())
        .setText(p.text())
        .setTranscriptConfidence(p.confidence())
        .setAudio(coverage.missing() ? null : ByteBuffer.wrap(Pcm16.toBytes(coverage.samples())))
        .setAudioCoverage(coverageOf(coverage))
        .setSource(UtteranceSource.TRANSCRIPT)
        .setTranscriptTimestamp(java.time.Instant.ofEpochMilli(p.timestamp()))
        .setAssembledAt(java.time.Instant.ofEpochMilli(now))
        .build();
    context.forward(new Record<Object, Object>(callId, u, p.timestamp()), outputName);
  }

  void emitVoiceActivity(String callId, int channel, SpeakerRole role, EnergyVad.Segment segment,
                         AudioBuffer.Coverage coverage, long timestamp, long now) {
    Utterance u = Utterance.newBuilder()
        .setCallId(callId)
        .setUtteranceId("vad-" + channel + "-" + segment.startMs())
        .setChannel(channel)
        .setRole(role)
        .setStartMs(segment.startMs())
        .setEndMs(segment.endMs())
        .setText(null)
        .setTranscriptConfidence(null)
        .setAudio(ByteBuffer.wrap(Pcm16.toBytes(coverage.samples())))
        .setAudioCoverage(coverageOf(coverage))
        .setSource(UtteranceSource.VOICE_ACTIVITY)
        .setTranscriptTimestamp(java.time.Instant.ofEpochMilli(timestamp))
        .setAssembledAt(java.time.Instant.ofEpochMilli(now))
        .build();
    context.forward(new Record<Object, Object>(callId, u, timestamp), outputName);
  }

  private static AudioCoverage coverageOf(AudioBuffer.Coverage c) {
    if (c.missing()) {
      return AudioCoverage.MISSING;
    }
    return c.complete() ? AudioCoverage.COMPLETE : AudioCoverage.PARTIAL;
  }
}
