package io.emostream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.SpeakerRole;
import io.emostream.avro.TranscriptSegment;
import io.emostream.config.AssemblyKeys;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.model.audio.G711;
import io.emostream.model.audio.Resampler;
import io.emostream.model.corpus.FlatSpeech;
import io.emostream.model.evaluation.real.RealSpeechClips;
import io.emostream.schemas.calls.CallRecording;
import io.emostream.schemas.calls.CallReplayPlan;
import io.emostream.schemas.calls.ChannelAssignment;
import io.emostream.schemas.calls.RecordedUtterance;
import io.emostream.schemas.calls.ReplayRecord;
import io.emostream.schemas.calls.ReplaySettings;
import io.emostream.schemas.calls.WavFile;
import io.emostream.testing.AppSettings;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import io.emostream.topics.TopicNames;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's end-to-end check that calm callers page nobody: a polite billing call and a calm
 * broadband fault call in a flat synthetic voice with no noise floor (a digital line), with the
 * everyday wording that the first model read as angry ("the pin I was given is invalid"),
 * streamed through the real pipeline with the bundled model, once as 16 kHz PCM and once as
 * 8 kHz μ-law, must open no alert; and a real calm human voice, with and without transcripts,
 * must not either.
 */
class CalmCallIT {

  private static final int RATE = 16_000;
  private static final int GAP_MS = 500;
  private static final String[][] BILLING = {
      {"0", "thank you for calling northwind energy, this is sam, how can I help you today"},
      {"1", "hi, I'm calling because my last bill looks higher than usual"},
      {"0", "I can look into that for you, could you confirm your postcode please"},
      {"1", "sure, it's on the letter, one moment"},
      {"0", "thanks, I can see the account now"},
      {"1", "also the pin I was given is invalid for this account"},
      {"0", "no problem, I'll reset it and send you a new one by text"},
      {"1", "okay, and the meter reading from march seems wrong"},
      {"0", "you're right, it was estimated, I've corrected it and the bill is lower now"},
      {"1", "that's fine then, I was going to ask you to cancel the direct debit but I'll leave it"},
      {"0", "is there anything else I can help you with today"},
      {"1", "no, that's all I needed, thanks, bye"}};

  /** Written for this test only; no training material uses these lines. */
  private static final String[][] BROADBAND = {
      {"0", "good afternoon, you're through to the internet help desk, my name is alex"},
      {"1", "hello, my broadband keeps dropping out in the evenings"},
      {"0", "sorry to hear that, have you tried restarting the hub"},
      {"1", "yes, twice this week, it comes back after a few minutes"},
      {"0", "okay, I'm running a line test now, it will take a minute"},
      {"1", "no rush, the lights on the box are flashing orange at the moment"},
      {"0", "the test shows a fault at the exchange, an engineer is already working on it"},
      {"1", "I see, so there's nothing wrong with my equipment then"},
      {"0", "that's right, it should be fixed by tomorrow morning"},
      {"1", "alright, could you send me a text when it's done"},
      {"0", "of course, I've added that to your account"},
      {"1", "great, thank you for your help"}};
  private static final List<String[][]> CALLS = List.of(BILLING, BROADBAND);

  @TempDir
  Path dir;

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();

  @Test
  void shouldOpenNoAlertOnCalmCallsOverCleanPcmAndMulaw() throws Exception {
    String prefix = "calm-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    EmostreamConfig config = EmostreamConfig.of(settings(prefix));
    TopicNames names = TopicNames.from(config.asMap());
    List<SpecificRecord> records = new ArrayList<>();
    int lines = 0;
    for (int c = 0; c < CALLS.size(); c++) {
      Call call = speak(CALLS.get(c));
      CallRecording pcm = call.recording(AudioEncoding.PCM_S16LE, dir.resolve("calm-" + c + "-pcm.json"));
      CallRecording mulaw = call.recording(AudioEncoding.MULAW, dir.resolve("calm-" + c + "-mulaw.json"));
      for (CallRecording recording : List.of(pcm, mulaw)) {
        String callId = prefix + recording.jsonFile().getFileName();
        CallReplayPlan.of(recording, callId, ReplaySettings.defaults(), Instant.now()).records().stream()
            .map(ReplayRecord::value).forEach(records::add);
      }
      lines += CALLS.get(c).length;
    }
    int transcripts = 2 * lines;
    int calls = 2 * CALLS.size();

    try (EmostreamApp app = EmostreamApp.start(config)) {
      Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);
      TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);
      io.publish(names, records);

      List<ScoredUtterance> scored = io.readCommitted(names.utterances(), v -> v.size() >= transcripts,
          Duration.ofSeconds(180), Duration.ofSeconds(2));
      assertThat(scored).hasSize(transcripts);
      assertThat(scored).extracting(ScoredUtterance::getRole).contains(SpeakerRole.AGENT, SpeakerRole.CUSTOMER);
      List<CallEmotionSummary> summaries = io.readCommitted(names.summaries(), v -> v.size() >= calls,
          Duration.ofSeconds(90), Duration.ofSeconds(1));
      assertThat(summaries).as("both encodings of every call end").hasSize(calls);
      assertThat(summaries).extracting(CallEmotionSummary::getAlertCount).containsOnly(0);
      assertThat(io.countCommitted(names.alerts(), Duration.ofSeconds(3)))
          .as("alerts on calm calls; scored: %s", describe(scored)).isZero();
    }
  }

  /**
   * The same promise for a real human voice: the narrator of Warzone 2100's tutorial (Debian
   * {@code warzone2100-data}), whose voice alone 2.0.0 read ANGRY for about a fifth of the 42 clips
   * and 2.1.0 for a few, never surely (see the model card), as the customer of a call: once with the words
   * as 16 kHz PCM, and once as 8 kHz μ-law with no transcript at all (an ASR outage, so the VAD cuts
   * audio-only utterances and the voice alone decides). Neither may open an alert.
   */
  @Test
  void shouldOpenNoAlertOnARealCalmVoiceWithAndWithoutTranscripts() throws Exception {
    String prefix = "narrator-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    Map<String, String> settings = new HashMap<>(settings(prefix));
    // the VAD takes over a channel after this much wall-clock time without a transcript
    settings.put(AssemblyKeys.TRANSCRIPT_TIMEOUT_CONFIG, "2s");
    EmostreamConfig config = EmostreamConfig.of(settings);
    TopicNames names = TopicNames.from(config.asMap());
    List<RealSpeechClips.Clip> clips = RealSpeechClips.tutorial();
    int[] customer = new int[clips.size()];
    Arrays.fill(customer, 1);
    Call call = Call.inTurn(customer, clips.stream().map(RealSpeechClips.Clip::audio).toList(),
        clips.stream().map(RealSpeechClips.Clip::text).toList());
    String withWords = prefix + "words";
    String outage = prefix + "asr-outage";
    List<SpecificRecord> records = new ArrayList<>();
    CallReplayPlan.of(call.recording(AudioEncoding.PCM_S16LE, dir.resolve("narrator-pcm.json")), withWords,
        ReplaySettings.defaults(), Instant.now()).records().stream().map(ReplayRecord::value).forEach(records::add);
    List<SpecificRecord> outageRecords = CallReplayPlan.of(call.recording(AudioEncoding.MULAW,
        dir.resolve("narrator-mulaw.json")), outage, ReplaySettings.defaults(), Instant.now()).records().stream()
        .map(ReplayRecord::value).filter(v -> !(v instanceof TranscriptSegment)).toList();
    // the outage call ends only once the VAD has taken over: replayed at once, it would end within
    // the transcript timeout, before the app could tell an outage from a slow ASR
    outageRecords.stream().filter(v -> !isEnd(v)).forEach(records::add);
    List<SpecificRecord> ends = outageRecords.stream().filter(CalmCallIT::isEnd).toList();

    try (EmostreamApp app = EmostreamApp.start(config)) {
      Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);
      TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);
      io.publish(names, records);
      List<ScoredUtterance> beforeTheEnd = io.readCommitted(names.utterances(),
          v -> v.stream().filter(u -> u.getCallId().equals(outage)).count() > clips.size() / 2,
          Duration.ofSeconds(120), Duration.ofSeconds(1));
      assertThat(beforeTheEnd).isNotEmpty();
      io.publish(names, ends);

      List<CallEmotionSummary> summaries = io.readCommitted(names.summaries(), v -> v.size() >= 2,
          Duration.ofSeconds(240), Duration.ofSeconds(1));
      assertThat(summaries).as("both calls end").hasSize(2);
      List<ScoredUtterance> scored = io.readCommitted(names.utterances(), v -> v.size() >= clips.size() + 1,
          Duration.ofSeconds(30), Duration.ofSeconds(2));
      List<ScoredUtterance> voiceAlone = scored.stream().filter(u -> u.getCallId().equals(outage)).toList();
      assertThat(scored).filteredOn(u -> u.getCallId().equals(withWords)).hasSize(clips.size());
      assertThat(voiceAlone).as("the VAD cuts most of the narrator's turns").hasSizeGreaterThan(clips.size() / 2);
      assertThat(voiceAlone).allSatisfy(u -> assertThat(u.getText()).isNullOrEmpty());
      assertThat(summaries).extracting(CallEmotionSummary::getAlertCount).containsOnly(0);
      assertThat(io.countCommitted(names.alerts(), Duration.ofSeconds(3)))
          .as("alerts on a real calm voice; scored: %s", describe(scored)).isZero();
    }
  }

  private static boolean isEnd(SpecificRecord value) {
    return value instanceof CallEvent e && e.getType() == CallEventType.CALL_ENDED;
  }

  private static String describe(List<ScoredUtterance> scored) {
    StringBuilder b = new StringBuilder();
    scored.forEach(u -> b.append(String.format("%n  %s %s %s %.2f v%+.2f %s", u.getCallId(), u.getRole(),
        u.getLabel(), u.getConfidence(), u.getValence(), u.getText())));
    return b.toString();
  }

  /** The call's lines spoken in turn by a flat espeak-ng voice on two channels. */
  private static Call speak(String[][] lines) {
    List<float[]> audio = new ArrayList<>();
    try (FlatSpeech speech = FlatSpeech.open()) {
      for (int i = 0; i < lines.length; i++) {
        audio.add(speech.speak(FlatSpeech.Voice.ESPEAK_EN_US, "calm-" + i, lines[i][1]));
      }
    }
    int[] channels = Arrays.stream(lines).mapToInt(l -> Integer.parseInt(l[0])).toArray();
    return Call.inTurn(channels, audio, Arrays.stream(lines).map(l -> l[1]).toList());
  }

  /** A two-channel call before encoding. */
  private record Call(List<RecordedUtterance> utterances, float[][] channels) {

    /** Utterance {@code i} on {@code channel[i]}, one after the other, digital silence between. */
    static Call inTurn(int[] channel, List<float[]> audio, List<String> text) {
      List<RecordedUtterance> utterances = new ArrayList<>();
      long at = GAP_MS;
      for (int i = 0; i < audio.size(); i++) {
        long end = at + audio.get(i).length * 1000L / RATE;
        utterances.add(new RecordedUtterance("u" + (i + 1), channel[i], at, end, text.get(i), 0.95f, null));
        at = end + GAP_MS;
      }
      int frames = (int) (at * RATE / 1000);
      float[][] channels = new float[2][frames];
      for (int i = 0; i < utterances.size(); i++) {
        RecordedUtterance u = utterances.get(i);
        int start = (int) (u.startMs() * RATE / 1000);
        float[] said = audio.get(i);
        System.arraycopy(said, 0, channels[u.channel()], start, Math.min(said.length, frames - start));
      }
      return new Call(utterances, channels);
    }

    CallRecording recording(AudioEncoding encoding, Path jsonFile) {
      return new CallRecording("calm", "acme", "agent-3", "billing",
          List.of(new ChannelAssignment(0, SpeakerRole.AGENT), new ChannelAssignment(1, SpeakerRole.CUSTOMER)),
          utterances, encoding == AudioEncoding.MULAW ? mulaw() : pcm(), jsonFile);
    }

    private WavFile pcm() {
      ByteBuffer b = ByteBuffer.allocate(channels[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (int t = 0; t < channels[0].length; t++) {
        b.putShort(toShort(channels[0][t])).putShort(toShort(channels[1][t]));
      }
      return WavFile.of(AudioEncoding.PCM_S16LE, RATE, 2, b.array());
    }

    private WavFile mulaw() {
      Resampler down = Resampler.forRates(RATE, 8_000);
      float[] left = down.process(channels[0]);
      float[] right = down.process(channels[1]);
      byte[] bytes = new byte[left.length * 2];
      for (int t = 0; t < left.length; t++) {
        bytes[2 * t] = G711.linearToMulaw(toShort(left[t]));
        bytes[2 * t + 1] = G711.linearToMulaw(toShort(right[t]));
      }
      return WavFile.of(AudioEncoding.MULAW, 8_000, 2, bytes);
    }

    private static short toShort(float x) {
      return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(x * 32767f)));
    }
  }

  private Map<String, String> settings(String prefix) {
    return AppSettings.isolated(prefix, dir.resolve("state"));
  }
}
