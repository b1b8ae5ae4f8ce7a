package io.emostream.model.wav;

/**
 * ITU-T G.711 μ-law and A-law expansion to linear 16-bit values (telephony WAVs use them).
 *
 * <p>The model module decodes on its own rather than reuse the streams app's codec so that it
 * keeps no dependency on Kafka-side code (see ARCHITECTURE: {@code model} knows nothing of the app).
 */
public final class G711 {

  private G711() {}

  /** The linear value of one μ-law byte, in [-32124, 32124]. */
  public static short ulawToLinear(byte encoded) {
    int u = ~encoded & 0xFF;
    int exponent = (u >> 4) & 0x07;
    int mantissa = u & 0x0F;
    int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
    return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
  }

  /** The linear value of one A-law byte, in [-32256, 32256]. */
  public static short alawToLinear(byte encoded) {
    int a = (encoded ^ 0x55) & 0xFF;
    int exponent = (a >> 4) & 0x07;
    int mantissa = a & 0x0F;
    int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
    return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
  }
}
