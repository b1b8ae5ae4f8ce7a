package io.emostream.assembly;

import io.emostream.audio.EnergyVad;
import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.CallContext;
import io.emostream.avro.CallEvent;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.Utterance;
import io.emostream.avro.UtteranceSource;
import io.emostream.common.AssembledFlow;
import java.nio.ByteBuffer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Builds {@link Utterance} records and forwards them to the assembler's output node, together
 * with the call's life-cycle events: downstream stages (scorer, rollups, summaries) see a
 * call's CALL_STARTED before its utterances and its CALL_ENDED after the last of them.
 */
final class Utterances {

  private final ProcessorContext<String, AssembledFlow> context;
  private final String outputName;

  Utterances(ProcessorContext<String, AssembledFlow> context, String outputName) {
    this.context = context;
    this.outputName = outputName;
  }

  void emitTranscript(String callId, PendingTranscript p, SpeakerRole role, CallContext callContext,
                      AudioBuffer.Coverage coverage, long now) {
    Utterance u = Utterance.newBuilder()
        .setCallId(callId)
        .setUtteranceId(p.utteranceId())
        .setChannel(p.channel())
        .setRole(role)
        .setContext(callContext)
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
    context.forward(new Record<>(callId, new AssembledFlow.Spoken(u, coverage.missing() ? null : coverage.source()),
        p.timestamp()), outputName);
  }

  void emitVoiceActivity(String callId, int channel, SpeakerRole role, CallContext callContext,
                         EnergyVad.Segment segment, AudioBuffer.Coverage coverage, long timestamp, long now) {
    Utterance u = Utterance.newBuilder()
        .setCallId(callId)
        .setUtteranceId("vad-" + channel + "-" + segment.startMs())
        .setChannel(channel)
        .setRole(role)
        .setContext(callContext)
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
    context.forward(new Record<>(callId, new AssembledFlow.Spoken(u, coverage.source()), timestamp), outputName);
  }

  /** Passes a life-cycle event on, in order with the call's utterances. */
  void emitEvent(CallEvent event, long timestamp) {
    context.forward(new Record<>(event.getCallId(), new AssembledFlow.Event(event), timestamp), outputName);
  }

  private static AudioCoverage coverageOf(AudioBuffer.Coverage c) {
    if (c.missing()) {
      return AudioCoverage.MISSING;
    }
    return c.complete() ? AudioCoverage.COMPLETE : AudioCoverage.PARTIAL;
  }
}
