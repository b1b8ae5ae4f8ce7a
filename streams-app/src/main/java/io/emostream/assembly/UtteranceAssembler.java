package io.emostream.assembly;

import io.emostream.audio.EnergyVad;
import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallContext;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.ChannelRole;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import io.emostream.common.AssembledFlow;
import io.emostream.deadletters.DeadLetterReason;
import io.emostream.deadletters.DeadLetterStage;
import io.emostream.deadletters.DeadLetters;
import io.emostream.deadletters.Rejection;
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
final class UtteranceAssembler implements Processor<String, ValidRecord, String, AssembledFlow> {

  private static final Logger LOG = LoggerFactory.getLogger(UtteranceAssembler.class);
  /** Eviction runs once the cutoff has moved this far (see {@link #evict}). */
  static final long EVICT_STEP_MS = 500;

  private final AssemblyConfig config;
  private final AssemblyTopology.Names names;
  private final EnergyVad vad;
  private ProcessorContext<String, AssembledFlow> context;
  private AudioBuffer audio;
  private KeyValueStore<String, PendingTranscript> pending;
  private CallStates calls;
  private DeadLetters deadLetters;
  private Utterances utterances;
  private Sensor duplicateChunks;
  private Sensor lateChunks;
  private InputClock audioRead;
  private InputClock transcriptsRead;

  UtteranceAssembler(AssemblyConfig config, AssemblyTopology.Names names) {
    this.config = Objects.requireNonNull(config, "config");
    this.names = Objects.requireNonNull(names, "names");
    this.vad = new EnergyVad(config.vadSettings());
  }

  @Override
  public void init(ProcessorContext<String, AssembledFlow> context) {
    this.context = context;
    this.audio = new AudioBuffer(context.getStateStore(names.audioStore()), config.maxChunk().toMillis());
    this.pending = context.getStateStore(names.pendingStore());
    this.calls = new CallStates(context.getStateStore(names.callStore()));
    this.deadLetters = new DeadLetters(context, names.deadLetterSink(), DeadLetterStage.ASSEMBLY);
    this.utterances = new Utterances(context, names.output());
    this.duplicateChunks = context.metrics().addRateTotalSensor("emostream-assembly", "assembler",
        "duplicate-chunk", Sensor.RecordingLevel.INFO);
    this.lateChunks = context.metrics().addRateTotalSensor("emostream-assembly", "assembler",
        "late-chunk", Sensor.RecordingLevel.INFO);
    this.audioRead = new InputClock(context.currentSystemTimeMs());
    this.transcriptsRead = new InputClock(context.currentSystemTimeMs());
    context.schedule(config.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
  }

  @Override
  public void process(Record<String, ValidRecord> record) {
    long now = context.currentSystemTimeMs();
    Object value = record.value().value();
    if (value instanceof AudioChunk) {
      audioRead.saw(record.timestamp(), now);
    } else if (value instanceof TranscriptSegment) {
      transcriptsRead.saw(record.timestamp(), now);
    }
    // the call's state is read once per record, and written at most once
    CallState stored = record.key() == null ? null : calls.get(record.key());
    if (!(value instanceof CallEvent) && stored != null && stored.ended()) {
      deadLetters.send(record, record.value().rawKey(), record.value().rawValue(),
          new Rejection(DeadLetterReason.CALL_ALREADY_ENDED, "call " + record.key()
              + " has ended and been summarised; a record for it arrived too late to be part of it"), null, value);
      return;
    }
    CallState call = stored == null ? CallState.empty(now) : stored.seen(now);
    if (value instanceof AudioChunk chunk) {
      onAudio(record, chunk, chunk.getCallId().equals(record.key()) ? call : loadCall(chunk.getCallId(), now), now);
    } else if (value instanceof TranscriptSegment segment) {
      onTranscript(record, segment,
          segment.getCallId().equals(record.key()) ? call : loadCall(segment.getCallId(), now), now);
    } else if (value instanceof CallEvent event) {
      onEvent(event, record.timestamp(), now);
    } else {
      throw new IllegalStateException("assembler received a " + value.getClass().getName()
          + "; only AudioChunk, TranscriptSegment and CallEvent are wired to it");
    }
  }

  /**
   * Buffers a chunk as received. An in-order chunk (the common case: newer than every buffered
   * one) is checked against the channel's summary alone, without reading the audio store; only a
   * late or repeated chunk is looked up there.
   */
  private void onAudio(Record<String, ValidRecord> record, AudioChunk chunk, CallState call, long now) {
    String callId = chunk.getCallId();
    int channel = chunk.getChannel();
    ChannelState ch = call.channel(channel);
    boolean inOrder = ch.inOrder(chunk.getStartMs());
    Optional<Rejection> conflict;
    if (inOrder) {
      conflict = ch.lastStartMs() >= 0 && chunk.getSequence() <= ch.lastSequence()
          ? Optional.of(new Rejection(DeadLetterReason.SEQUENCE_CONFLICT, "chunk " + callId + "/" + channel + " seq "
              + chunk.getSequence() + " at " + chunk.getStartMs() + " ms follows seq " + ch.lastSequence() + " at "
              + ch.lastStartMs() + " ms; sequences must grow with start times"))
          : Optional.empty();
    } else {
      BufferedChunk existing = audio.get(callId, channel, chunk.getStartMs());
      if (existing != null && existing.sequence() == chunk.getSequence()) {
        duplicateChunks.record();
        LOG.debug("Dropping duplicate chunk {}/{} seq {}", callId, channel, chunk.getSequence());
        calls.put(callId, call);
        return;
      }
      conflict = sequenceConflict(callId, channel, chunk, existing);
    }
    if (conflict.isPresent()) {
      deadLetters.send(record, record.value().rawKey(), record.value().rawValue(), conflict.get(), null, chunk);
      return;
    }
    byte[] payload = new byte[chunk.getPayload().remaining()];
    chunk.getPayload().duplicate().get(payload);
    BufferedChunk buffered = new BufferedChunk(chunk.getSequence(), chunk.getStartMs(), now, record.timestamp(),
        chunk.getEncoding(), chunk.getSampleRate(), payload);
    if (buffered.endMs() <= ch.evictedBeforeMs()) {
      lateChunks.record();
      LOG.warn("Chunk {}/{} seq {} at {} ms arrived after its audio was evicted (before {} ms); "
          + "not buffered. Raise assembly.audio-retention if the producer lags this much.",
          callId, channel, chunk.getSequence(), chunk.getStartMs(), ch.evictedBeforeMs());
      calls.put(callId, call);
      return;
    }
    audio.put(callId, channel, buffered);
    ch = ch.withAudio(buffered, now, record.timestamp());
    if (!inOrder || ch.mayCompleteWaiting()) {
      // a late chunk may fill a hole under any waiting transcript; an in-order one only extends the run
      ch = emitCompleted(callId, channel, ch, call, now, !inOrder);
    }
    ch = evict(callId, channel, ch);
    calls.put(callId, call.with(channel, ch, now));
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

  private void onTranscript(Record<String, ValidRecord> record, TranscriptSegment seg, CallState call, long now) {
    String callId = seg.getCallId();
    int channel = seg.getChannel();
    ChannelState ch = call.channel(channel);
    if (!seg.getIsFinal()) {
      // partial results are not utterances, but they prove the ASR is alive on this channel
      calls.put(callId, call.with(channel, ch.withTranscript(now, 0), now));
      return;
    }
    ch = ch.withTranscript(now, seg.getEndMs());
    String key = StoreKeys.pending(callId, seg.getUtteranceId());
    if (pending.get(key) != null) {
      LOG.debug("Ignoring repeated final transcript {}/{}", callId, seg.getUtteranceId());
      calls.put(callId, call.with(channel, ch, now));
      return;
    }
    PendingTranscript p = new PendingTranscript(seg.getUtteranceId(), channel, seg.getStartMs(),
        seg.getEndMs(), seg.getText(), seg.getConfidence(), record.timestamp(), now, -1);
    AudioBuffer.Coverage coverage = p.endMs() <= ch.audioEndMs()
        ? audio.gather(callId, channel, p.startMs(), p.endMs()) : null;
    if (coverage != null && coverage.complete()) {
      emitTranscript(callId, key, p, coverage, call, now);
    } else {
      pending.put(key, p);
      ch = ch.withWaiting(ch.waitingCount() + 1, Math.min(ch.waitingMinStartMs(), p.startMs()),
          p.endMs() > ch.audioEndMs() ? Math.min(ch.waitingMinEndMs(), p.endMs()) : ch.waitingMinEndMs());
    }
    calls.put(callId, call.with(channel, ch, now));
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

  /**
   * Emits the channel's waiting transcripts that buffered audio now covers and returns the
   * channel with its waiting summary recomputed. Each transcript's audio is gathered once, when
   * it is complete, not on every frame: in-order audio can complete only those inside the
   * gap-free run; {@code anyOverlap} (after a late chunk) checks every one the audio reaches.
   */
  private ChannelState emitCompleted(String callId, int channel, ChannelState ch, CallState call, long now,
                                     boolean anyOverlap) {
    int count = 0;
    long minStart = Long.MAX_VALUE;
    long minEnd = Long.MAX_VALUE;
    for (KeyValue<String, PendingTranscript> kv : pendingOf(callId)) {
      PendingTranscript p = kv.value;
      if (p.emitted() || p.channel() != channel) {
        continue;
      }
      if (ch.runCovers(p.startMs(), p.endMs()) || (anyOverlap && p.endMs() <= ch.audioEndMs())) {
        AudioBuffer.Coverage coverage = audio.gather(callId, channel, p.startMs(), p.endMs());
        if (coverage.complete()) {
          emitTranscript(callId, kv.key, p, coverage, call, now);
          continue;
        }
      }
      count++;
      minStart = Math.min(minStart, p.startMs());
      if (p.endMs() > ch.audioEndMs()) {
        minEnd = Math.min(minEnd, p.endMs());
      }
    }
    return ch.withWaiting(count, minStart, minEnd);
  }

  /** Recomputes every channel's waiting summary of a call from the pending store. */
  private CallState withWaitingRecounted(String callId, CallState call) {
    Map<Integer, int[]> counts = new TreeMap<>();
    Map<Integer, long[]> bounds = new TreeMap<>();
    for (KeyValue<String, PendingTranscript> kv : pendingOf(callId)) {
      PendingTranscript p = kv.value;
      if (p.emitted()) {
        continue;
      }
      counts.computeIfAbsent(p.channel(), c -> new int[1])[0]++;
      long[] b = bounds.computeIfAbsent(p.channel(), c -> new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
      b[0] = Math.min(b[0], p.startMs());
      if (p.endMs() > call.channel(p.channel()).audioEndMs()) {
        b[1] = Math.min(b[1], p.endMs());
      }
    }
    CallState out = call;
    for (int channel : call.channels().keySet()) {
      long[] b = bounds.getOrDefault(channel, new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
      int count = counts.containsKey(channel) ? counts.get(channel)[0] : 0;
      out = out.with(channel, out.channel(channel).withWaiting(count, b[0], b[1]), call.lastSeenWallMs());
    }
    return out;
  }

  private void emitTranscript(String callId, String key, PendingTranscript p, AudioBuffer.Coverage coverage,
                              CallState call, long now) {
    utterances.emitTranscript(callId, p, call.role(p.channel()), call.context(), coverage, now);
    pending.put(key, p.markEmitted(now));
  }

  /**
   * Drops audio no pending or future utterance can need: older than the retention behind the
   * channel's newest audio, and older than the earliest transcript still waiting. Runs once the
   * cutoff has moved {@value #EVICT_STEP_MS} ms, so its store scan is paid per half second of
   * audio rather than per frame.
   */
  private ChannelState evict(String callId, int channel, ChannelState ch) {
    long cutoff = ch.audioEndMs() - config.audioRetention().toMillis();
    if (ch.waitingCount() > 0) {
      cutoff = Math.min(cutoff, ch.waitingMinStartMs());
    }
    if (cutoff - ch.evictedBeforeMs() < EVICT_STEP_MS) {
      return ch;
    }
    audio.evictBefore(callId, channel, ch.evictedBeforeMs(), cutoff);
    return ch.withEvictedBefore(cutoff);
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
    java.util.Set<String> touched = new java.util.TreeSet<>();
    for (KeyValue<String, PendingTranscript> kv : due) {
      String callId = callIdOf(kv.key);
      emitWithWhatIsThere(callId, kv.key, kv.value, loadCall(callId, now), now);
      touched.add(callId);
    }
    for (String callId : touched) {
      CallState call = calls.get(callId);
      if (call != null) {
        calls.put(callId, withWaitingRecounted(callId, call));
      }
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
      } else if (call.ending() != null && endingDue(call.ending(), now)) {
        endCall(kv.key, endedEvent(kv.key, call.ending()), call.ending().eventTimestamp(), now);
      } else if (call.ending() == null && now - call.lastSeenWallMs() >= config.callIdleTimeout().toMillis()) {
        LOG.info("Call {} idle for {}; flushing and clearing it", kv.key, config.callIdleTimeout());
        endCall(kv.key, idleEnd(kv.key, now), now, now);
      } else {
        for (int channel : kv.value.channels().keySet()) {
          cutByVoiceActivity(kv.key, channel, now, false);
        }
      }
    }
  }

  /**
   * A CALL_ENDED is acted on once {@code assembly.max-wait} has passed and this task has read its
   * audio and transcripts up to the event's time, so a backlog of the call's older records is read
   * first instead of being dead-lettered (see {@link InputClock}); however far behind the task is,
   * it is acted on after {@code assembly.call-idle-timeout}.
   */
  private boolean endingDue(CallState.Ending ending, long now) {
    long waited = now - ending.requestedWallMs();
    long maxWait = config.maxWait().toMillis();
    if (waited >= config.callIdleTimeout().toMillis()) {
      return true;
    }
    return waited >= maxWait && audioRead.reached(ending.eventTimestamp(), now, maxWait)
        && transcriptsRead.reached(ending.eventTimestamp(), now, maxWait);
  }

  private void emitWithWhatIsThere(String callId, String key, PendingTranscript p, CallState call, long now) {
    emitTranscript(callId, key, p, audio.gather(callId, p.channel(), p.startMs(), p.endMs()), call, now);
  }

  /** Cuts audio-only utterances on a channel whose transcripts have stopped. */
  private void cutByVoiceActivity(String callId, int channel, long now, boolean flush) {
    CallState call = calls.get(callId);
    ChannelState ch = call.channel(channel);
    long timeout = config.transcriptTimeout().toMillis();
    // at the end of a call, a channel that never had a transcript is cut at once: no transcript can
    // come for an ended call, and a call shorter than the timeout would otherwise lose its audio
    boolean neverTranscribed = flush && ch.lastTranscriptWallMs() < 0;
    boolean quiet = ch.firstAudioWallMs() >= 0
        && (neverTranscribed || now - ch.transcriptsQuietSinceWallMs() >= timeout);
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
