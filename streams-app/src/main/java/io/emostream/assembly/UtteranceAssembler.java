package io.emostream.assembly;

import io.emostream.audio.AudioDecoder;
import io.emostream.audio.EnergyVad;
import io.emostream.audio.Pcm16;
import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallContext;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import io.emostream.validation.DeadLetterReason;
import io.emostream.validation.DeadLetters;
import io.emostream.validation.Rejection;
import io.emostream.validation.ValidRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins a call's audio chunks and final transcripts into utterances (ARCHITECTURE §4).
 *
 * <p>Audio is decoded to 16 kHz on arrival and buffered per call and channel; a final
 * transcript emits at once when the audio covers its range, else waits up to
 * {@code assembly.max-wait} (wall clock) and emits with partial or missing audio. When a
 * channel's transcripts stop for {@code assembly.transcript-timeout}, the energy VAD cuts
 * audio-only utterances. CALL_ENDED (or an idle call) flushes and clears the call.
 * All state is in changelogged stores, so a restarted task continues where it stopped.
 */
final class UtteranceAssembler implements Processor<String, ValidRecord, Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(UtteranceAssembler.class);

  private final AssemblyConfig config;
  private final AssemblyTopology.Names names;
  private final EnergyVad vad;
  private ProcessorContext<Object, Object> context;
  private AudioBuffer audio;
  private KeyValueStore<String, PendingTranscript> pending;
  private KeyValueStore<String, CallState> calls;
  private DeadLetters deadLetters;
  private Utterances utterances;
  private Sensor duplicateChunks;
  private Sensor lateChunks;

  UtteranceAssembler(AssemblyConfig config, AssemblyTopology.Names names) {
    this.config = Objects.requireNonNull(config, "config");
    this.names = Objects.requireNonNull(names, "names");
    this.vad = new EnergyVad(config.vadSettings());
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.audio = new AudioBuffer(context.getStateStore(names.audioStore()), config.maxChunk().toMillis());
    this.pending = context.getStateStore(names.pendingStore());
    this.calls = context.getStateStore(names.callStore());
    this.deadLetters = new DeadLetters(context, names.deadLetterSink());
    this.utterances = new Utterances(context, names.output());
    this.duplicateChunks = context.metrics().addRateTotalSensor("emostream-assembly", "assembler",
        "duplicate-chunk", Sensor.RecordingLevel.INFO);
    this.lateChunks = context.metrics().addRateTotalSensor("emostream-assembly", "assembler",
        "late-chunk", Sensor.RecordingLevel.INFO);
    context.schedule(config.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
  }

  @Override
  public void process(Record<String, ValidRecord> record) {
    long now = context.currentSystemTimeMs();
    Object value = record.value().value();
    if (!(value instanceof CallEvent) && endedCall(record.key())) {
      deadLetters.send(record, record.value().rawKey(), record.value().rawValue(),
          new Rejection(DeadLetterReason.CALL_ALREADY_ENDED, "call " + record.key()
              + " has ended and been summarised; a record for it arrived too late to be part of it"), null);
      return;
    }
    if (value instanceof AudioChunk chunk) {
      onAudio(record, chunk, now);
    } else if (value instanceof TranscriptSegment segment) {
      onTranscript(record, segment, now);
    } else if (value instanceof CallEvent event) {
      onEvent(event, record.timestamp(), now);
    } else {
      throw new IllegalStateException("assembler received a " + value.getClass().getName()
          + "; only AudioChunk, TranscriptSegment and CallEvent are wired to it");
    }
  }

  private void onAudio(Record<String, ValidRecord> record, AudioChunk chunk, long now) {
    String callId = chunk.getCallId();
    int channel = chunk.getChannel();
    CallState call = loadCall(callId, now);
    ChannelState ch = call.channel(channel);
    BufferedChunk existing = audio.get(callId, channel, chunk.getStartMs());
    if (existing != null && existing.sequence() == chunk.getSequence()) {
      duplicateChunks.record();
      LOG.debug("Dropping duplicate chunk {}/{} seq {}", callId, channel, chunk.getSequence());
      calls.put(callId, call.seen(now));
      return;
    }
    Optional<Rejection> conflict = sequenceConflict(callId, channel, chunk, existing);
    if (conflict.isPresent()) {
      deadLetters.send(record, record.value().rawKey(), record.value().rawValue(), conflict.get(), null);
      return;
    }
    short[] samples = AudioDecoder.decodeTo16k(chunk.getPayload(), chunk.getEncoding(), chunk.getSampleRate());
    BufferedChunk buffered = new BufferedChunk(chunk.getSequence(), chunk.getStartMs(), now, record.timestamp(), samples);
    if (buffered.endMs() <= ch.evictedBeforeMs()) {
      lateChunks.record();
      LOG.warn("Chunk {}/{} seq {} at {} ms arrived after its audio was evicted (before {} ms); "
          + "not buffered. Raise assembly.audio-retention if the producer lags this much.",
          callId, channel, chunk.getSequence(), chunk.getStartMs(), ch.evictedBeforeMs());
      calls.put(callId, call.seen(now));
      return;
    }
    audio.put(callId, channel, buffered);
    ch = ch.withAudio(buffered.endMs(), now, record.timestamp());
    call = call.with(channel, ch, now);
    calls.put(callId, call);
    emitCoveredPending(callId, channel, buffered, call, now);
    evict(callId, channel, now);
  }

  /** A chunk must not reuse a buffered chunk's start with another sequence, and sequences
   * must grow with start times. */
  private Optional<Rejection> sequenceConflict(String callId, int channel, AudioChunk chunk, BufferedChunk same) {
    long seq = chunk.getSequence();
    String at = "chunk " + callId + "/" + channel + " seq " + seq + " at " + chunk.getStartMs() + " ms";
    if (same != null) {
      return Optional.of(new Rejection(DeadLetterReason.SEQUENCE_CONFLICT, at
          + " starts where buffered seq " + same.sequence() + " starts; sequences and start times must match one to one"));
    }
    Optional<BufferedChunk> prev = audio.previous(callId, channel, chunk.getStartMs());
    if (prev.isPresent() && prev.get().sequence() >= seq) {
      return Optional.of(new Rejection(DeadLetterReason.SEQUENCE_CONFLICT, at + " follows seq "
          + prev.get().sequence() + " at " + prev.get().startMs() + " ms; sequences must grow with start times"));
    }
    Optional<BufferedChunk> next = audio.next(callId, channel, chunk.getStartMs());
    if (next.isPresent() && next.get().sequence() <= seq) {
      return Optional.of(new Rejection(DeadLetterReason.SEQUENCE_CONFLICT, at + " precedes seq "
          + next.get().sequence() + " at " + next.get().startMs() + " ms; sequences must grow with start times"));
    }
    return Optional.empty();
  }

  private void onTranscript(Record<String, ValidRecord> record, TranscriptSegment seg, long now) {
    String callId = seg.getCallId();
    CallState call = loadCall(callId, now);
    ChannelState ch = call.channel(seg.getChannel());
    if (!seg.getIsFinal()) {
      // partial results are not utterances, but they prove the ASR is alive on this channel
      calls.put(callId, call.with(seg.getChannel(), ch.withTranscript(now, 0), now));
      return;
    }
    call = call.with(seg.getChannel(), ch.withTranscript(now, seg.getEndMs()), now);
    calls.put(callId, call);
    String key = StoreKeys.pending(callId, seg.getUtteranceId());
    if (pending.get(key) != null) {
      LOG.debug("Ignoring repeated final transcript {}/{}", callId, seg.getUtteranceId());
      return;
    }
    PendingTranscript p = new PendingTranscript(seg.getUtteranceId(), seg.getChannel(), seg.getStartMs(),
        seg.getEndMs(), seg.getText(), seg.getConfidence(), record.timestamp(), now, -1);
    AudioBuffer.Coverage coverage = audio.gather(callId, p.channel(), p.startMs(), p.endMs());
    if (coverage.complete()) {
      emitTranscript(callId, key, p, coverage, call, now);
    } else {
      pending.put(key, p);
    }
  }

  private void onEvent(CallEvent event, long timestamp, long now) {
    String callId = event.getCallId();
    if (event.getType() == CallEventType.CALL_ENDED) {
      CallState call = loadCall(callId, now);
      if (call.ended() || call.ending() != null) {
        LOG.debug("Ignoring repeated CALL_ENDED of call {}", callId);
        return;
      }
      // its last audio and transcripts may still be on their way on the other topics
      calls.put(callId, call.endingWith(new CallState.Ending(now, timestamp, event.getAttributes())));
      return;
    }
    Map<Integer, SpeakerRole> roles = new TreeMap<>();
    for (ChannelRole cr : event.getChannels()) {
      roles.put(cr.getChannel(), cr.getRole());
    }
    CallContext callContext = new CallContext(event.getTenant(), event.getAgentId(), event.getQueue());
    CallState call = loadCall(callId, now);
    // a call id that is used again after its call ended starts a new call
    calls.put(callId, (call.ended() ? CallState.empty(now) : call).started(roles, callContext, now));
    utterances.emitEvent(event, timestamp);
  }

  private void emitCoveredPending(String callId, int channel, BufferedChunk chunk, CallState call, long now) {
    for (KeyValue<String, PendingTranscript> kv : pendingOf(callId)) {
      PendingTranscript p = kv.value;
      if (p.emitted() || p.channel() != channel
          || p.endMs() * Pcm16.SAMPLES_PER_MS <= chunk.startSample() || p.startMs() * Pcm16.SAMPLES_PER_MS >= chunk.endSample()) {
        continue;
      }
      AudioBuffer.Coverage coverage = audio.gather(callId, channel, p.startMs(), p.endMs());
      if (coverage.complete()) {
        emitTranscript(callId, kv.key, p, coverage, call, now);
      }
    }
  }

  private void emitTranscript(String callId, String key, PendingTranscript p, AudioBuffer.Coverage coverage,
                              CallState call, long now) {
    utterances.emitTranscript(callId, p, call.role(p.channel()), call.context(), coverage, now);
    pending.put(key, p.markEmitted(now));
  }

  /** Drops audio no pending or future utterance can need: older than the retention behind
   * the channel's newest audio, and older than the earliest transcript still waiting. */
  private void evict(String callId, int channel, long now) {
    CallState call = calls.get(callId);
    ChannelState ch = call.channel(channel);
    long cutoff = ch.audioEndMs() - config.audioRetention().toMillis();
    for (KeyValue<String, PendingTranscript> kv : pendingOf(callId)) {
      if (!kv.value.emitted() && kv.value.channel() == channel) {
        cutoff = Math.min(cutoff, kv.value.startMs());
      }
    }
    if (cutoff > ch.evictedBeforeMs()) {
      audio.evictBefore(callId, channel, ch.evictedBeforeMs(), cutoff);
      calls.put(callId, call.with(channel, ch.withEvictedBefore(cutoff), now));
    }
  }

  private void punctuate(long now) {
    List<KeyValue<String, PendingTranscript>> due = new ArrayList<>();
    List<String> expiredMarkers = new ArrayList<>();
    try (KeyValueIterator<String, PendingTranscript> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, PendingTranscript> kv = it.next();
        if (!kv.value.emitted() && now - kv.value.receivedWallMs() >= config.maxWait().toMillis()) {
          due.add(kv);
        } else if (kv.value.emitted() && now - kv.value.emittedWallMs() >= config.audioRetention().toMillis()) {
          expiredMarkers.add(kv.key);
        }
      }
    }
    expiredMarkers.forEach(pending::delete);
    for (KeyValue<String, PendingTranscript> kv : due) {
      String callId = callIdOf(kv.key);
      emitWithWhatIsThere(callId, kv.key, kv.value, loadCall(callId, now), now);
    }
    List<KeyValue<String, CallState>> active = new ArrayList<>();
    try (KeyValueIterator<String, CallState> it = calls.all()) {
      it.forEachRemaining(active::add);
    }
    for (KeyValue<String, CallState> kv : active) {
      CallState call = kv.value;
      if (call.ended()) {
        if (now - call.endedWallMs() >= config.callIdleTimeout().toMillis()) {
          calls.delete(kv.key);
        }
      } else if (call.ending() != null && now - call.ending().requestedWallMs() >= config.maxWait().toMillis()) {
        endCall(kv.key, endedEvent(kv.key, call.ending()), call.ending().eventTimestamp(), now);
      } else if (now - call.lastSeenWallMs() >= config.callIdleTimeout().toMillis()) {
        LOG.info("Call {} idle for {}; flushing and clearing it", kv.key, config.callIdleTimeout());
        endCall(kv.key, idleEnd(kv.key, now), now, now);
      } else {
        for (int channel : kv.value.channels().keySet()) {
          cutByVoiceActivity(kv.key, channel, now, false);
        }
      }
    }
  }

  private void emitWithWhatIsThere(String callId, String key, PendingTranscript p, CallState call, long now) {
    emitTranscript(callId, key, p, audio.gather(callId, p.channel(), p.startMs(), p.endMs()), call, now);
  }

  /** Cuts audio-only utterances on a channel whose transcripts have stopped. */
  private void cutByVoiceActivity(String callId, int channel, long now, boolean flush) {
    CallState call = calls.get(callId);
    ChannelState ch = call.channel(channel);
    long timeout = config.transcriptTimeout().toMillis();
    boolean quiet = ch.firstAudioWallMs() >= 0 && now - ch.transcriptsQuietSinceWallMs() >= timeout;
    if (!quiet) {
      return;
    }
    long from = Math.max(ch.vadCursorMs(), ch.evictedBeforeMs());
    // without a flush, only audio the ASR has had the whole timeout to transcribe
    long receivedBy = flush ? Long.MAX_VALUE : now - timeout;
    AudioBuffer.Window window = audio.contiguous(callId, channel, from, receivedBy);
    if (window.samples().length == 0) {
      return;
    }
    EnergyVad.Result result = vad.segment(window.samples(), window.startMs(), ch.noiseFloorDb(), flush);
    for (EnergyVad.Segment s : result.segments()) {
      AudioBuffer.Coverage coverage = audio.gather(callId, channel, s.startMs(), s.endMs());
      utterances.emitVoiceActivity(callId, channel, call.role(channel), call.context(), s, coverage,
          ch.lastChunkTimestamp(), now);
    }
    calls.put(callId, call.with(channel, ch.withVad(result.resumeMs(), result.noiseFloorDb()), now));
  }

  /** Flushes pending transcripts and the VAD, then deletes everything of the call. */
  /** Flushes and clears the call, then passes {@code ended} on so later stages close it too. */
  private void endCall(String callId, CallEvent ended, long timestamp, long now) {
    CallState call = loadCall(callId, now);
    calls.put(callId, call);
    for (KeyValue<String, PendingTranscript> kv : pendingOf(callId)) {
      if (!kv.value.emitted()) {
        emitWithWhatIsThere(callId, kv.key, kv.value, call, now);
      }
    }
    for (int channel : call.channels().keySet()) {
      cutByVoiceActivity(callId, channel, now, true);
    }
    audio.clear(callId);
    for (KeyValue<String, PendingTranscript> kv : pendingOf(callId)) {
      pending.delete(kv.key);
    }
    calls.put(callId, CallState.endedMarker(now));
    utterances.emitEvent(ended, timestamp);
  }

  private boolean endedCall(String callId) {
    CallState call = callId == null ? null : calls.get(callId);
    return call != null && call.ended();
  }

  private static CallEvent endedEvent(String callId, CallState.Ending ending) {
    return CallEvent.newBuilder()
        .setCallId(callId)
        .setType(CallEventType.CALL_ENDED)
        .setTimestamp(java.time.Instant.ofEpochMilli(ending.eventTimestamp()))
        .setAttributes(ending.attributes())
        .build();
  }

  /** The CALL_ENDED that an idle call never got, marked as such for downstream stages and logs. */
  private static CallEvent idleEnd(String callId, long now) {
    return CallEvent.newBuilder()
        .setCallId(callId)
        .setType(CallEventType.CALL_ENDED)
        .setTimestamp(java.time.Instant.ofEpochMilli(now))
        .setAttributes(Map.of("emostream.ended-by", "idle-timeout"))
        .build();
  }

  private List<KeyValue<String, PendingTranscript>> pendingOf(String callId) {
    List<KeyValue<String, PendingTranscript>> out = new ArrayList<>();
    try (KeyValueIterator<String, PendingTranscript> it =
             pending.prefixScan(StoreKeys.callPrefix(callId), org.apache.kafka.common.serialization.Serdes.String().serializer())) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private CallState loadCall(String callId, long now) {
    CallState state = calls.get(callId);
    return state == null ? CallState.empty(now) : state.seen(now);
  }

  private static String callIdOf(String pendingKey) {
    int colon = pendingKey.indexOf(':');
    int length = Integer.parseInt(pendingKey.substring(0, colon));
    return pendingKey.substring(colon + 1, colon + 1 + length);
  }
}
