package io.emostream.bench;

import io.emostream.avro.AudioEncoding;
import java.util.Arrays;
import java.util.Locale;

/**
 * How the benchmark's synthetic calls send audio.
 *
 * <p>{@link #TELEPHONY} is what contact-centre media streams deliver (Twilio Media Streams,
 * Genesys AudioHook): 20 ms frames of 8 kHz G.711 μ-law, 160 bytes each, ten times as many
 * records per audio-second as {@link #PCM16K}'s 200 ms chunks of 16 kHz PCM.
 *
 * @param id         the name used on the command line and in reports
 * @param sampleRate samples per second
 * @param chunkMs    audio per record
 * @param encoding   payload encoding
 */
public record InputFormat(String id, int sampleRate, int chunkMs, AudioEncoding encoding) {

  public static final InputFormat PCM16K = new InputFormat("pcm16k-200ms", 16_000, 200, AudioEncoding.PCM_S16LE);
  public static final InputFormat TELEPHONY = new InputFormat("mulaw8k-20ms", 8_000, 20, AudioEncoding.MULAW);

  /** {@code pcm16k-200ms} (or {@code pcm}) or {@code mulaw8k-20ms} (or {@code telephony}). */
  public static InputFormat parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (InputFormat f : new InputFormat[] {PCM16K, TELEPHONY}) {
      if (f.id.equals(t)) {
        return f;
      }
    }
    return switch (t) {
      case "pcm" -> PCM16K;
      case "telephony" -> TELEPHONY;
      default -> throw new IllegalArgumentException("--format " + text + " is not known; use one of "
          + Arrays.asList(PCM16K.id, TELEPHONY.id) + " (or pcm, telephony)");
    };
  }

  /** Payload bytes of one chunk. */
  int chunkBytes() {
    return sampleRate * chunkMs / 1000 * (encoding == AudioEncoding.PCM_S16LE ? 2 : 1);
  }
}
