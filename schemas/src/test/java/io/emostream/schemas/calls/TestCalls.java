package io.emostream.schemas.calls;

import io.emostream.avro.AudioEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small recorded calls for tests: audio whose every sample says where it came from, so a
 * test can check that a payload holds exactly the right samples. Shipped in the test-jar.
 */
public final class TestCalls {
  private TestCalls() {}

  /**
   * Interleaved PCM16 where channel {@code c}'s sample at frame {@code f} is
   * {@code (c * 10000 + f) % 32000}.
   */
  public static byte[] numberedPcm16(int channels, int frames) {
    byte[] data = new byte[frames * channels * 2];
    int o = 0;
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        int v = (c * 10_000 + f) % 32_000;
        data[o++] = (byte) v;
        data[o++] = (byte) (v >> 8);
      }
    }
    return data;
  }

  /** Mono 8-bit samples numbered {@code f % 256}. */
  public static byte[] numbered8Bit(int frames) {
    byte[] data = new byte[frames];
    for (int f = 0; f < frames; f++) {
      data[f] = (byte) f;
    }
    return data;
  }

  /** A stereo 8 kHz PCM16 call of {@code durationMs} with roles AGENT (0) and CUSTOMER (1). */
  public static Path writeStereoPcmCall(Path dir, String callId, int durationMs,
      String utterancesJson) throws IOException {
    int frames = 8 * durationMs;
    WavFile.of(AudioEncoding.PCM_S16LE, 8000, 2, numberedPcm16(2, frames))
        .write(dir.resolve(callId + ".wav"));
    return writeJson(dir, callId, "[{\"channel\": 0, \"role\": \"AGENT\"},"
        + " {\"channel\": 1, \"role\": \"CUSTOMER\"}]", utterancesJson);
  }

  /** A mono 8 kHz mu-law call of {@code durationMs}, the customer on channel 0. */
  public static Path writeMonoMulawCall(Path dir, String callId, int durationMs,
      String utterancesJson) throws IOException {
    WavFile.of(AudioEncoding.MULAW, 8000, 1, numbered8Bit(8 * durationMs))
        .write(dir.resolve(callId + ".wav"));
    return writeJson(dir, callId, "[{\"channel\": 0, \"role\": \"CUSTOMER\"}]", utterancesJson);
  }

  /** Writes {@code <callId>.json} with tenant acme, agent agent-7, queue billing. */
  public static Path writeJson(Path dir, String callId, String channelsJson,
      String utterancesJson) throws IOException {
    String json = "{\"callId\": \"" + callId + "\", \"tenant\": \"acme\", \"agentId\": "
        + "\"agent-7\", \"queue\": \"billing\", \"channels\": " + channelsJson
        + ", \"utterances\": " + utterancesJson + "}";
    Path file = dir.resolve(callId + ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  /** JSON of one utterance. */
  public static String utterance(String id, int channel, long startMs, long endMs, String text) {
    return "{\"utteranceId\": \"" + id + "\", \"channel\": " + channel + ", \"startMs\": "
        + startMs + ", \"endMs\": " + endMs + ", \"text\": \"" + text + "\", \"confidence\": "
        + "0.9, \"label\": \"neutral\"}";
  }
}
