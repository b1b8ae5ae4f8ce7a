package io.emostream.model.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the demo calls ({@code emostream corpus calls}): each {@link DemoCallScript} spoken with
 * the corpus's voices and prosody into a stereo 8 kHz PCM16 WAV (channel 0 agent, channel 1
 * customer, a quiet line-noise floor on both) plus its transcript JSON with ground-truth labels.
 * Turns follow each other with a pause of 0.35 to 0.9 s; a call shorter than
 * {@link #MIN_CALL_MS} gets longer pauses, since the demo needs at least a minute per call.
 */
public final class DemoCallWriter {

  /** Telephony rate of the demo recordings. */
  public static final int SAMPLE_RATE = 8_000;
  /** Shortest call the demo wants. */
  public static final long MIN_CALL_MS = 60_500;
  /** Longest call the demo accepts. */
  public static final long MAX_CALL_MS = 120_000;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int LEAD_MS = 600;
  private static final int TAIL_MS = 900;

  private final Espeak espeak;

  public DemoCallWriter(Espeak espeak) {
    this.espeak = espeak;
  }

  /**
   * A written call.
   *
   * @param wav        the recording
   * @param transcript the transcript file
   * @param durationMs length of the recording
   */
  public record WrittenCall(Path wav, Path transcript, long durationMs) {}

  /** Writes every script into {@code dir} (created when absent), reproducibly from {@code seed}. */
  public List<WrittenCall> writeAll(List<DemoCallScript> scripts, Path dir, long seed) {
    try {
      Files.createDirectories(dir);
      List<WrittenCall> out = new ArrayList<>();
      for (DemoCallScript script : scripts) {
        out.add(write(script, dir, new Random(seed * 31 + script.callId().hashCode())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write demo calls to " + dir + ": " + e.getMessage(), e);
    }
  }

  private WrittenCall write(DemoCallScript script, Path dir, Random random) throws IOException {
    Speaker agent = speaker(script.agentId(), Role.AGENT, script.agentVoice());
    Speaker customer = speaker(script.callId() + "-customer", Role.CUSTOMER, script.customerVoice());
    List<float[]> clips = new ArrayList<>();
    long speechMs = 0;
    for (int i = 0; i < script.turns().size(); i++) {
      DemoCallScript.Turn turn = script.turns().get(i);
      Speaker s = turn.role() == Role.AGENT ? agent : customer;
      Prosody prosody = ProsodySampler.sample(turn.voice(), s, random);
      float[] speech = espeak.speak(script.callId() + "-" + i, turn.words(), s.language(), s.variant(), prosody, SAMPLE_RATE);
      float[] clip = Clips.trim(speech, SAMPLE_RATE, 30);
      clips.add(clip);
      speechMs += ms(clip.length);
    }
    long[] gaps = gaps(script.turns().size(), speechMs, random);
    long total = LEAD_MS + speechMs + sum(gaps) + TAIL_MS;
    if (total > MAX_CALL_MS) {
      throw new IllegalStateException("Demo call " + script.callId() + " runs " + total / 1000 + " s, over the "
          + MAX_CALL_MS / 1000 + " s limit: shorten its script in " + DemoCallScript.RESOURCE);
    }
    int frames = (int) (total * SAMPLE_RATE / 1000);
    float[][] channels = {new float[frames], new float[frames]};
    List<CallTranscript.Utterance> utterances = new ArrayList<>();
    long cursor = LEAD_MS;
    for (int i = 0; i < clips.size(); i++) {
      DemoCallScript.Turn turn = script.turns().get(i);
      int channel = turn.role() == Role.AGENT ? 0 : 1;
      int at = (int) (cursor * SAMPLE_RATE / 1000);
      System.arraycopy(clips.get(i), 0, channels[channel], at, clips.get(i).length);
      long end = cursor + ms(clips.get(i).length);
      utterances.add(new CallTranscript.Utterance("u" + (i + 1), channel, cursor, end, Tokens.transcript(turn.words()),
          Math.round((0.86 + 0.11 * random.nextDouble()) * 100) / 100.0, turn.label().label()));
      cursor = end + gaps[i];
    }
    Clips.addNoise(channels[0], -58, random);
    Clips.addNoise(channels[1], -58, random);
    Path wav = dir.resolve(script.callId() + ".wav");
    Path json = dir.resolve(script.callId() + ".json");
    StereoWav.write(wav, channels[0], channels[1], SAMPLE_RATE);
    JSON.writeValue(json.toFile(), new CallTranscript(script.callId(), script.tenant(), script.agentId(), script.queue(),
        List.of(new CallTranscript.Channel(0, "AGENT"), new CallTranscript.Channel(1, "CUSTOMER")), utterances));
    return new WrittenCall(wav, json, ms(frames));
  }

  /** Pauses after each turn (the last one is unused); stretched evenly when the call would be too short. */
  private static long[] gaps(int turns, long speechMs, Random random) {
    long[] gaps = new long[turns];
    for (int i = 0; i < turns - 1; i++) {
      gaps[i] = 350 + random.nextInt(551);
    }
    long missing = MIN_CALL_MS - (LEAD_MS + speechMs + sum(gaps) + TAIL_MS);
    if (missing > 0 && turns > 1) {
      for (int i = 0; i < turns - 1; i++) {
        gaps[i] += missing / (turns - 1) + 1;
      }
    }
    return gaps;
  }

  private Speaker speaker(String id, Role role, String voice) {
    String[] parts = voice.split("\\+", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("Demo call voice '" + voice + "' must be language+variant, e.g. en-gb+f4");
    }
    BaseVariant variant = espeak.catalog().variants().stream().filter(v -> v.name().equals(parts[1])).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Demo call voice variant '" + parts[1]
            + "' is not installed; available: " + espeak.catalog().variants().stream().map(BaseVariant::name).toList()));
    return new Speaker(id, role, parts[0], variant, 1.0, 1.0, null);
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  private static long ms(int frames) {
    return Math.round(frames * 1000.0 / SAMPLE_RATE);
  }
}
