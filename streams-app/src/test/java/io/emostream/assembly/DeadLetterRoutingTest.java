package io.emostream.assembly;

import static io.emostream.assembly.AssemblyDriver.chunk;
import static io.emostream.assembly.AssemblyDriver.finalTranscript;
import static io.emostream.assembly.AssemblyDriver.pcmChunk;
import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.TranscriptSegment;
import io.emostream.schemas.serde.SpecificAvroSerde;
import io.emostream.deadletters.DeadLetterHeaders;
import io.emostream.deadletters.DeadLetterReason;
import io.emostream.deadletters.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of invalid input lands in the dead-letter topic, unchanged, with its reason. */
class DeadLetterRoutingTest {

  private static final String CALL = "call-d";

  @TempDir
  Path stateDir;
  private AssemblyDriver t;
  private final List<Expected> sent = new ArrayList<>();

  private record Expected(DeadLetterReason reason, String topic, byte[] key, byte[] value) {}

  @BeforeEach
  void start() {
    t = new AssemblyDriver(stateDir, AssemblyConfig.defaults());
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void shouldRouteEveryInvalidInputKindToTheDeadLetterTopicWithItsReasonAndKeepRunning() {
    SpecificAvroSerde<AudioChunk> audioSerde = new SpecificAvroSerde<>(t.registry, AudioChunk.class);
    SpecificAvroSerde<TranscriptSegment> transcriptSerde = new SpecificAvroSerde<>(t.registry, TranscriptSegment.class);
    SpecificAvroSerde<CallEvent> eventSerde = new SpecificAvroSerde<>(t.registry, CallEvent.class);
    TestInputTopic<byte[], byte[]> rawEvents = t.driver.createInputTopic(AssemblyDriver.EVENTS,
        new org.apache.kafka.common.serialization.ByteArraySerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer());

    raw(t.rawAudio, AssemblyDriver.AUDIO, DeadLetterReason.UNDECODABLE, "not avro at all".getBytes(StandardCharsets.UTF_8));
    raw(t.rawAudio, AssemblyDriver.AUDIO, DeadLetterReason.UNDECODABLE, new byte[] {0, 0, 0, 0x7F, (byte) 0xFF, 2, 4});
    raw(t.rawTranscripts, AssemblyDriver.TRANSCRIPTS, DeadLetterReason.NULL_VALUE, null);

    audio(audioSerde, DeadLetterReason.KEY_MISMATCH, "other-call", pcmChunk(CALL, 0, 0, 0, 100));
    audio(audioSerde, DeadLetterReason.UNKNOWN_ENCODING, CALL,
        chunk(CALL, 0, 0, 0, 16_000, AudioEncoding.UNKNOWN_ENCODING, new byte[320]));
    audio(audioSerde, DeadLetterReason.UNSUPPORTED_SAMPLE_RATE, CALL,
        chunk(CALL, 0, 0, 0, 12_345, AudioEncoding.PCM_S16LE, new byte[320]));
    audio(audioSerde, DeadLetterReason.UNSUPPORTED_SAMPLE_RATE, CALL,
        chunk(CALL, 0, 0, 0, 96_000, AudioEncoding.PCM_S16LE, new byte[320]));
    audio(audioSerde, DeadLetterReason.PARTIAL_SAMPLES, CALL,
        chunk(CALL, 0, 0, 0, 16_000, AudioEncoding.PCM_S16LE, new byte[321]));
    audio(audioSerde, DeadLetterReason.PARTIAL_SAMPLES, CALL,
        chunk(CALL, 0, 0, 0, 8_000, AudioEncoding.MULAW, new byte[0]));
    audio(audioSerde, DeadLetterReason.CHUNK_TOO_LONG, CALL,
        chunk(CALL, 0, 0, 0, 8_000, AudioEncoding.ALAW, new byte[8_000 * 11]));
    audio(audioSerde, DeadLetterReason.INVALID_POSITION, CALL,
        AudioChunk.newBuilder(pcmChunk(CALL, 0, 0, 0, 100)).setStartMs(-20).build());
    audio(audioSerde, DeadLetterReason.INVALID_POSITION, CALL,
        AudioChunk.newBuilder(pcmChunk(CALL, 0, 0, 0, 100)).setStartMs(Long.MAX_VALUE / 4).build());

    t.pipeAudio(pcmChunk(CALL, 0, 5, 0, 100));
    audio(audioSerde, DeadLetterReason.SEQUENCE_CONFLICT, CALL, pcmChunk(CALL, 0, 3, 100, 100));
    audio(audioSerde, DeadLetterReason.SEQUENCE_CONFLICT, CALL, pcmChunk(CALL, 0, 9, 0, 100));

    transcript(transcriptSerde, DeadLetterReason.INVALID_TIMES, finalTranscript(CALL, "u1", 0, 2000, 1000, "backwards"));
    transcript(transcriptSerde, DeadLetterReason.UTTERANCE_TOO_LONG, finalTranscript(CALL, "u2", 0, 0, 61_000, "long"));
    transcript(transcriptSerde, DeadLetterReason.TEXT_TOO_LONG, finalTranscript(CALL, "u3", 0, 0, 1000, "x".repeat(5001)));
    transcript(transcriptSerde, DeadLetterReason.MISSING_UTTERANCE_ID, finalTranscript(CALL, " ", 0, 0, 1000, "who"));
    transcript(transcriptSerde, DeadLetterReason.INVALID_POSITION, finalTranscript(CALL, "u4", -1, 0, 1000, "chan"));
    transcript(transcriptSerde, DeadLetterReason.INVALID_POSITION,
        finalTranscript(CALL, "u5", 0, 90_000_000_000L, 90_000_001_000L, "a thousand days in"));

    CallEvent unknown = CallEvent.newBuilder(AssemblyDriver.ended(CALL)).setType(CallEventType.UNKNOWN_EVENT).build();
    byte[] eventBytes = eventSerde.serializer().serialize(AssemblyDriver.EVENTS, unknown);
    raw(rawEvents, AssemblyDriver.EVENTS, DeadLetterReason.UNKNOWN_EVENT_TYPE, eventBytes);

    List<TestRecord<byte[], byte[]>> letters = t.drainDeadLetters();
    assertThat(letters).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      Expected e = sent.get(i);
      TestRecord<byte[], byte[]> letter = letters.get(i);
      assertThat(letter.headers().toArray()).extracting(Header::key).as("headers of letter %d", i)
          .containsAll(DeadLetterHeaders.ALL);
      assertThat(header(letter, DeadLetterHeaders.REASON)).as("letter %d", i).isEqualTo(e.reason().name());
      assertThat(header(letter, DeadLetterHeaders.STAGE)).as("stage of letter %d", i)
          .isEqualTo(e.reason() == DeadLetterReason.SEQUENCE_CONFLICT ? "assembly" : "validation");
      assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(e.topic());
      assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("0");
      assertThat(header(letter, DeadLetterHeaders.OFFSET)).matches("\\d+");
      assertThat(header(letter, DeadLetterHeaders.DETAIL)).isNotBlank();
      assertThat(header(letter, DeadLetterHeaders.CALL_ID)).as("call of letter %d", i).isEqualTo(CALL);
      assertThat(letter.value()).isEqualTo(e.value());
      assertThat(letter.key()).isEqualTo(e.key());
    }
    assertThat(header(letters.get(0), DeadLetterHeaders.EXCEPTION)).isNotBlank();
    assertThat(header(letters.get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
    assertThat(letters).filteredOn(l -> header(l, DeadLetterHeaders.REASON).equals("INVALID_TIMES"))
        .extracting(l -> header(l, DeadLetterHeaders.UTTERANCE_ID)).containsExactly("u1");
    double counted = t.driver.metrics().entrySet().stream()
        .filter(m -> m.getKey().name().equals(DeadLetters.METRIC_OPERATION + "-total"))
        .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum();
    assertThat(counted).isEqualTo(sent.size());

    // the app keeps running: a valid utterance still comes through
    t.pipeAudio(pcmChunk(CALL, 0, 6, 100, 900));
    t.pipeTranscript(finalTranscript(CALL, "ok", 0, 0, 1000, "still alive"));
    assertThat(t.drain()).extracting(u -> u.getText()).containsExactly("still alive");
  }

  private void raw(TestInputTopic<byte[], byte[]> topic, String name, DeadLetterReason reason, byte[] value) {
    byte[] key = CALL.getBytes(StandardCharsets.UTF_8);
    topic.pipeInput(key, value);
    sent.add(new Expected(reason, name, key, value));
  }

  private void audio(SpecificAvroSerde<AudioChunk> serde, DeadLetterReason reason, String key, AudioChunk c) {
    byte[] value = serde.serializer().serialize(AssemblyDriver.AUDIO, c);
    t.rawAudio.pipeInput(key.getBytes(StandardCharsets.UTF_8), value);
    sent.add(new Expected(reason, AssemblyDriver.AUDIO, key.getBytes(StandardCharsets.UTF_8), value));
  }

  private void transcript(SpecificAvroSerde<TranscriptSegment> serde, DeadLetterReason reason, TranscriptSegment s) {
    byte[] value = serde.serializer().serialize(AssemblyDriver.TRANSCRIPTS, s);
    t.rawTranscripts.pipeInput(CALL.getBytes(StandardCharsets.UTF_8), value);
    sent.add(new Expected(reason, AssemblyDriver.TRANSCRIPTS, CALL.getBytes(StandardCharsets.UTF_8), value));
  }

  private static String header(TestRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
