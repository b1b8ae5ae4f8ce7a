package io.emostream.audio;

import io.emostream.avro.AudioEncoding;
import io.emostream.model.audio.G711;
import io.emostream.model.audio.Resampler;
import java.nio.ByteBuffer;

/**
 * Turns an audio chunk's payload into 16 kHz mono linear PCM: G.711 expansion or
 * little-endian reading, then anti-aliased resampling. This is the assembler's job (not
 * the model's) so that everything after it sees one format.
 */
public final class AudioDecoder {

  private AudioDecoder() {}

  /**
   * Decodes a payload.
   *
   * @param payload    the encoded samples (not null; read from its position to its limit)
   * @param encoding   how they are encoded
   * @param sampleRate their rate in Hz
   * @return 16 kHz samples, never null
   * @throws IllegalArgumentException for an unknown encoding, a non-positive rate or a
   *     PCM payload that is not whole samples
   */
  public static short[] decodeTo16k(ByteBuffer payload, AudioEncoding encoding, int sampleRate) {
    byte[] bytes = new byte[payload.remaining()];
    payload.duplicate().get(bytes);
    return Resampler.to16k(sampleRate).process(decodeLinear(bytes, encoding));
  }

  /**
   * Expands a payload to linear samples at its own rate (no resampling): G.711 is decoded sample
   * by sample, so decoding chunks one by one gives what decoding them joined would.
   *
   * @throws IllegalArgumentException for an unknown encoding or a PCM payload that is not whole samples
   */
  public static short[] decodeLinear(byte[] bytes, AudioEncoding encoding) {
    return switch (encoding) {
      case PCM_S16LE -> Pcm16.fromBytes(bytes);
      case MULAW -> G711.decodeMulaw(bytes);
      case ALAW -> G711.decodeAlaw(bytes);
      default -> throw new IllegalArgumentException(
          "audio encoding " + encoding + " is not supported; use PCM_S16LE, MULAW or ALAW");
    };
  }

  /** Bytes one sample takes in an encoding (2 for PCM_S16LE, 1 for G.711); 0 when unknown. */
  public static int bytesPerSample(AudioEncoding encoding) {
    return switch (encoding) {
      case PCM_S16LE -> 2;
      case MULAW, ALAW -> 1;
      default -> 0;
    };
  }
}
