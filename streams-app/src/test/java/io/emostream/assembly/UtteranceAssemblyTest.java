package io.emostream.assembly;

import static io.emostream.assembly.AssemblyDriver.ended;
import static io.emostream.assembly.AssemblyDriver.expected;
import static io.emostream.assembly.AssemblyDriver.finalTranscript;
import static io.emostream.assembly.AssemblyDriver.partialTranscript;
import static io.emostream.assembly.AssemblyDriver.pcmChunk;
import static io.emostream.assembly.AssemblyDriver.samplesOf;
import static io.emostream.assembly.AssemblyDriver.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioCoverage;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.Utterance;
import io.emostream.avro.UtteranceSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembler's behaviours through the whole assembly topology (TopologyTestDriver). */
class UtteranceAssemblyTest {

  private static final String CALL = "call-1";

  @TempDir
  Path stateDir;
  private AssemblyDriver t;

  @BeforeEach
  void start() {
    t = new AssemblyDriver(stateDir, AssemblyConfig.defaults());
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private void pipeAudio(int channel, long fromMs, long toMs, int chunkMs) {
    for (long s = fromMs, seq = fromMs / chunkMs; s < toMs; s += chunkMs, seq++) {
      t.pipeAudio(pcmChunk(CALL, channel, seq, s, chunkMs));
    }
  }

  @Test
  void shouldEmitUtteranceWithExactSamplesWhenStreamsArriveInOrder() {
    pipeAudio(0, 0, 3000, 200);
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 1030, 2470, "hello there"));

    List<Utterance> out = t.drain();
    assertThat(out).hasSize(1);
    Utterance u = out.get(0);
    assertThat(u.getUtteranceId()).isEqualTo("u1");
    assertThat(u.getText()).isEqualTo("hello there");
    assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
    assertThat(u.getSource()).isEqualTo(UtteranceSource.TRANSCRIPT);
    assertThat(u.getRole()).isEqualTo(SpeakerRole.UNKNOWN);
    assertThat(samplesOf(u)).containsExactly(expected(1030, 2470));
  }

  @Test
  void shouldWaitForAudioWhenTranscriptArrivesBeforeIt() {
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 500, 1500, "early"));
    assertThat(t.drain()).isEmpty();

    pipeAudio(0, 0, 1000, 100);
    assertThat(t.drain()).as("audio covers only half the range").isEmpty();

    pipeAudio(0, 1000, 2000, 100);
    List<Utterance> out = t.drain();
    assertThat(out).singleElement().satisfies(u -> {
      assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
      assertThat(samplesOf(u)).containsExactly(expected(500, 1500));
    });
  }

  @Test
  void shouldEmitCompleteUtteranceWhenAudioCompletesAfterTranscriptWithinMaxWait() {
    pipeAudio(0, 0, 1000, 100);
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 200, 1800, "late audio"));
    t.advance(Duration.ofSeconds(4));
    assertThat(t.drain()).isEmpty();

    pipeAudio(0, 1000, 2000, 100);
    assertThat(t.drain()).singleElement().satisfies(u -> {
      assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
      assertThat(samplesOf(u)).containsExactly(expected(200, 1800));
    });
    t.advance(Duration.ofSeconds(10));
    assertThat(t.drain()).as("no second emission after max-wait").isEmpty();
  }

  @Test
  void shouldEmitTextOnlyUtteranceWhenAudioNeverArrives() {
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 0, 1200, "no audio here"));
    t.advance(Duration.ofSeconds(4));
    assertThat(t.drain()).isEmpty();

    t.advance(Duration.ofSeconds(1));
    assertThat(t.drain()).singleElement().satisfies(u -> {
      assertThat(u.getAudio()).isNull();
      assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.MISSING);
      assertThat(u.getText()).isEqualTo("no audio here");
    });
  }

  @Test
  void shouldEmitPartialAudioWhenAudioStopsMidUtteranceAndMaxWaitPasses() {
    pipeAudio(0, 0, 1000, 100);
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 500, 1500, "cut off"));
    t.advance(Duration.ofSeconds(5));

    assertThat(t.drain()).singleElement().satisfies(u -> {
      assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.PARTIAL);
      short[] samples = samplesOf(u);
      assertThat(samples).hasSize(16_000);
      short[] head = java.util.Arrays.copyOf(samples, 8_000);
      assertThat(head).containsExactly(expected(500, 1000));
    });
  }

  @Test
  void shouldIgnorePartialTranscripts() {
    pipeAudio(0, 0, 2000, 100);
    t.pipeTranscript(partialTranscript(CALL, "u1", 0, 0, 800, "hel"));
    t.pipeTranscript(partialTranscript(CALL, "u1", 0, 0, 1500, "hello wor"));
    assertThat(t.drain()).isEmpty();
    t.advance(Duration.ofSeconds(6));
    assertThat(t.drain()).isEmpty();

    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 0, 1600, "hello world"));
    assertThat(t.drain()).extracting(Utterance::getText).containsExactly("hello world");
  }

  @Test
  void shouldEmitOnceWhenChunksAreDuplicated() {
    for (long s = 0, seq = 0; s < 2000; s += 100, seq++) {
      AudioChunk c = pcmChunk(CALL, 0, seq, s, 100);
      t.pipeAudio(c);
      t.pipeAudio(c);
    }
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 100, 1900, "twice"));
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 100, 1900, "twice"));
    List<Utterance> out = t.drain();
    assertThat(out).hasSize(1);
    assertThat(samplesOf(out.get(0))).containsExactly(expected(100, 1900));
    assertThat(t.drainDeadLetters()).isEmpty();
    assertThat(metric("duplicate-chunk-total")).isEqualTo(20.0);
  }

  @Test
  void shouldAssembleExactSamplesFromShuffledChunks() {
    List<AudioChunk> chunks = new ArrayList<>();
    for (long s = 0, seq = 0; s < 3000; s += 60, seq++) {
      chunks.add(pcmChunk(CALL, 0, seq, s, 60));
    }
    Collections.shuffle(chunks, new Random(42));
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 0, 3000, "shuffled"));
    chunks.forEach(t::pipeAudio);

    assertThat(t.drain()).singleElement().satisfies(u -> {
      assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
      assertThat(samplesOf(u)).containsExactly(expected(0, 3000));
    });
  }

  @Test
  void shouldKeepChannelsApartWhenSpeakersTalkOverEachOther() {
    t.events.pipeInput(CALL, started(CALL, Map.of(0, SpeakerRole.AGENT, 1, SpeakerRole.CUSTOMER)));
    for (long s = 0, seq = 0; s < 4000; s += 100, seq++) {
      t.pipeAudio(pcmChunk(CALL, 0, seq, s, 100));
      // channel 1 carries the signal shifted by 777 ms, so mixing channels would show
      t.pipeAudio(shifted(pcmChunk(CALL, 1, seq, s, 100), 777));
    }
    t.pipeTranscript(finalTranscript(CALL, "agent-1", 0, 1000, 3000, "let me check"));
    t.pipeTranscript(finalTranscript(CALL, "cust-1", 1, 1500, 3500, "this is ridiculous"));

    List<Utterance> out = t.drain();
    assertThat(out).extracting(Utterance::getUtteranceId).containsExactly("agent-1", "cust-1");
    assertThat(out.get(0).getRole()).isEqualTo(SpeakerRole.AGENT);
    assertThat(out.get(1).getRole()).isEqualTo(SpeakerRole.CUSTOMER);
    assertThat(samplesOf(out.get(0))).containsExactly(expected(1000, 3000));
    assertThat(samplesOf(out.get(1))).containsExactly(expected(1500 + 777, 3500 + 777));
  }

  @Test
  void shouldFlushPendingUtterancesAndClearStateWhenCallEnds() {
    pipeAudio(0, 0, 1000, 100);
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 500, 1500, "pending at the end"));
    t.pipeTranscript(finalTranscript(CALL, "u2", 1, 0, 700, "never any audio"));
    assertThat(t.drain()).isEmpty();

    t.events.pipeInput(CALL, ended(CALL));
    assertThat(t.drain()).as("the call's last records may still be on their way").isEmpty();
    t.advance(AssemblyConfig.defaults().maxWait().plusSeconds(1));
    List<Utterance> out = t.drain();
    assertThat(out).extracting(Utterance::getUtteranceId).containsExactlyInAnyOrder("u1", "u2");
    assertThat(out).extracting(Utterance::getAudioCoverage)
        .containsExactlyInAnyOrder(AudioCoverage.PARTIAL, AudioCoverage.MISSING);
    assertThat(countEntries(AssemblyTopology.NAMES.audioStore())).isZero();
    assertThat(countEntries(AssemblyTopology.NAMES.pendingStore())).isZero();
    assertThat(countEntries(AssemblyTopology.NAMES.callStore())).as("only the ended marker").isEqualTo(1);
    t.advance(AssemblyConfig.defaults().callIdleTimeout());
    assertThat(t.drain()).isEmpty();
    assertThat(countEntries(AssemblyTopology.NAMES.callStore())).isZero();
  }

  @Test
  void shouldIncludeAudioThatArrivesShortlyAfterCallEnded() {
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 0, 1000, "last words"));
    pipeAudio(0, 0, 600, 100);
    t.events.pipeInput(CALL, ended(CALL));
    pipeAudio(0, 600, 1000, 100);

    t.advance(AssemblyConfig.defaults().maxWait().plusSeconds(1));

    Utterance u = t.drain().get(0);
    assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
    assertThat(samplesOf(u)).containsExactly(expected(0, 1000));
  }

  @Test
  void shouldKeepAnEndingCallOpenWhileItsOlderAudioIsStillBeingReadUnderABacklog() {
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    t.audio.pipeInput(CALL, pcmChunk(CALL, 0, 0, 0, 100), t0.plusMillis(100));
    // the final transcript and the CALL_ENDED are processed ahead of the call's last two seconds of
    // audio, which the broker already holds (appended before them)
    t.transcripts.pipeInput(CALL, finalTranscript(CALL, "u1", 0, 0, 1000, "last words"), t0.plusMillis(1100));
    t.events.pipeInput(CALL, ended(CALL), t0.plusSeconds(10));
    // that audio is read slowly, over more than max-wait, behind a backlog
    for (int seq = 1; seq < 20; seq++) {
      t.advance(Duration.ofMillis(500));
      t.audio.pipeInput(CALL, pcmChunk(CALL, 0, seq, seq * 100L, 100), t0.plusMillis(100 + seq * 100L));
    }
    assertThat(t.drainDeadLetters()).isEmpty();
    assertThat(t.forwardedEvents.readValuesToList()).as("the call is still open").isEmpty();

    // another call's audio, appended after the CALL_ENDED: the audio topic has been read past it
    t.audio.pipeInput("call-2", pcmChunk("call-2", 0, 0, 0, 100), t0.plusSeconds(11));
    t.advance(AssemblyConfig.defaults().punctuateInterval());

    Utterance u = t.drain().get(0);
    assertThat(u.getAudioCoverage()).isEqualTo(AudioCoverage.COMPLETE);
    assertThat(samplesOf(u)).containsExactly(expected(0, 1000));
    assertThat(t.drainDeadLetters()).isEmpty();
    assertThat(t.forwardedEvents.readValuesToList()).extracting(CallEvent::getType)
        .containsExactly(CallEventType.CALL_ENDED);
  }

  @Test
  void shouldEndAnEndingCallAtTheIdleTimeoutHoweverFarBehindTheTaskIs() {
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    t.transcripts.pipeInput(CALL, finalTranscript(CALL, "u1", 0, 0, 1000, "last words"), t0);
    t.events.pipeInput(CALL, ended(CALL), t0.plusSeconds(3600));
    Duration step = Duration.ofSeconds(1);
    for (long waited = 0; waited <= AssemblyConfig.defaults().callIdleTimeout().toSeconds(); waited++) {
      t.advance(step);
      // a busy task still reading audio from before the CALL_ENDED
      t.audio.pipeInput("call-2", pcmChunk("call-2", 0, waited, waited * 100, 100), t0.plusMillis(waited));
    }

    assertThat(t.drain()).extracting(Utterance::getUtteranceId).contains("u1");
    assertThat(t.forwardedEvents.readValuesToList()).extracting(CallEvent::getType)
        .containsExactly(CallEventType.CALL_ENDED);
  }

  @Test
  void shouldDeadLetterRecordsThatArriveAfterTheCallWasSummarised() {
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 0, 500, "bye"));
    t.events.pipeInput(CALL, ended(CALL));
    t.advance(AssemblyConfig.defaults().maxWait().plusSeconds(1));
    assertThat(t.drain()).hasSize(1);

    pipeAudio(0, 0, 400, 100);
    t.pipeTranscript(finalTranscript(CALL, "u2", 0, 600, 900, "too late"));
    t.events.pipeInput(CALL, ended(CALL));

    assertThat(t.drainDeadLetters()).hasSize(5).allSatisfy(dl ->
        assertThat(new String(dl.headers().lastHeader("emostream.dlq.reason").value())).isEqualTo("CALL_ALREADY_ENDED"));
    assertThat(t.forwardedEvents.readValuesToList()).extracting(CallEvent::getType)
        .containsExactly(CallEventType.CALL_ENDED);
    assertThat(countEntries(AssemblyTopology.NAMES.audioStore())).isZero();
  }

  @Test
  void shouldEnrichUtterancesFromCallStartedAndPassCallEventsOn() {
    t.events.pipeInput(CALL, started(CALL, Map.of(0, SpeakerRole.AGENT, 1, SpeakerRole.CUSTOMER)));
    assertThat(t.forwardedEvents.readValuesToList()).extracting(CallEvent::getType)
        .containsExactly(CallEventType.CALL_STARTED);

    t.pipeTranscript(finalTranscript(CALL, "u1", 1, 0, 700, "where is my refund"));
    t.advance(Duration.ofSeconds(6));
    Utterance u = t.drain().get(0);
    assertThat(u.getRole()).isEqualTo(SpeakerRole.CUSTOMER);
    assertThat(u.getContext().getTenant()).isEqualTo("acme");
    assertThat(u.getContext().getAgentId()).isEqualTo("agent-7");
    assertThat(u.getContext().getQueue()).isEqualTo("billing");

    t.pipeTranscript(finalTranscript(CALL, "u2", 1, 800, 1500, "still waiting"));
    assertThat(t.forwardedEvents.isEmpty()).isTrue();
    t.events.pipeInput(CALL, ended(CALL));
    t.advance(Duration.ofSeconds(6));
    assertThat(t.drain()).extracting(Utterance::getUtteranceId).containsExactly("u2");
    assertThat(t.forwardedEvents.readValuesToList()).extracting(CallEvent::getType)
        .containsExactly(CallEventType.CALL_ENDED);
  }

  @Test
  void shouldEndIdleCallsWithACallEndedEventMarkedAsIdle() {
    t.events.pipeInput(CALL, started(CALL, Map.of(0, SpeakerRole.AGENT)));
    t.forwardedEvents.readValuesToList();
    t.pipeTranscript(finalTranscript(CALL, "u1", 0, 0, 700, "hello"));

    t.advance(AssemblyConfig.defaults().callIdleTimeout().plusSeconds(2));

    assertThat(t.drain()).extracting(Utterance::getUtteranceId).containsExactly("u1");
    CallEvent ended = t.forwardedEvents.readValue();
    assertThat(ended.getType()).isEqualTo(CallEventType.CALL_ENDED);
    assertThat(ended.getAttributes()).containsEntry("emostream.ended-by", "idle-timeout");
  }

  private static AudioChunk shifted(AudioChunk c, long shiftMs) {
    AudioChunk s = pcmChunk(c.getCallId(), c.getChannel(), c.getSequence(), c.getStartMs() + shiftMs,
        (int) (c.getPayload().remaining() / 32));
    return AudioChunk.newBuilder(c).setPayload(s.getPayload()).build();
  }

  private double metric(String name) {
    return t.driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(name) && e.getKey().group().contains("emostream-assembly"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
  }

  private long countEntries(String store) {
    KeyValueStore<String, Object> s = t.driver.getKeyValueStore(store);
    long n = 0;
    try (var it = s.all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }
}
