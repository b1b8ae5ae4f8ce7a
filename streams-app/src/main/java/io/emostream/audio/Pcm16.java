package io.emostream.audio;

/**
 * Signed 16-bit little-endian PCM helpers: the one sample format that crosses topic and
 * store boundaries inside emostream.
 */
public final class Pcm16 {

  /** The sample rate every utterance is delivered in. */
  public static final int TARGET_RATE = 16_000;

  /** Samples per millisecond at {@link #TARGET_RATE}; chunk and utterance times are whole ms. */
  public static final int SAMPLES_PER_MS = TARGET_RATE / 1000;

  private Pcm16() {}

  /**
   * Reads little-endian samples.
   *
   * @throws IllegalArgumentException when the byte count is odd (not whole samples)
   */
  public static short[] fromBytes(byte[] bytes) {
    if ((bytes.length & 1) != 0) {
      throw new IllegalArgumentException(
          "PCM_S16LE payload has " + bytes.length + " bytes, which is not a whole number of "
              + "2-byte samples; send complete samples per chunk");
    }
    short[] out = new short[bytes.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
    }
    return out;
  }

  /** Writes samples little-endian; never returns null. */
  public static byte[] toBytes(short[] samples) {
    return toBytes(samples, 0, samples.length);
  }

  /** Writes {@code length} samples from {@code offset} little-endian. */
  public static byte[] toBytes(short[] samples, int offset, int length) {
    byte[] out = new byte[length * 2];
    for (int i = 0; i < length; i++) {
      short s = samples[offset + i];
      out[2 * i] = (byte) s;
      out[2 * i + 1] = (byte) (s >> 8);
    }
    return out;
  }

  /** Root mean square of the samples, in linear units (0..32768); 0 for an empty array. */
  public static double rms(short[] samples, int from, int to) {
    if (to <= from) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  /** Level in dB relative to full scale; -120 dBFS for digital silence. */
  public static double dbfs(double rms) {
    return rms <= 0 ? -120 : 20 * Math.log10(rms / 32768.0);
  }
}
