package io.emostream.model.audio;

/**
 * ITU-T G.711 companding (μ-law and A-law) to and from 16-bit linear PCM.
 *
 * <p>Decoding goes through 256-entry tables built once from the standard's segment/step
 * definition, so a telephony payload decodes with one array lookup per sample. The
 * encoders exist so that tests and the demo can produce G.711 audio from linear PCM.
 */
public final class G711 {

  private static final int MULAW_BIAS = 0x84;
  private static final int MULAW_CLIP = 32635;
  private static final short[] MULAW_TO_LINEAR = new short[256];
  private static final short[] ALAW_TO_LINEAR = new short[256];
  /** Per 16-bit value: 1 + its μ-law code when the code decodes back to exactly that value, else 0. */
  private static final short[] EXACT_MULAW = new short[1 << 16];

  static {
    for (int i = 0; i < 256; i++) {
      MULAW_TO_LINEAR[i] = computeMulawToLinear((byte) i);
      ALAW_TO_LINEAR[i] = computeAlawToLinear((byte) i);
    }
    for (int i = 0; i < 256; i++) {
      short linear = MULAW_TO_LINEAR[i];
      EXACT_MULAW[linear & 0xFFFF] = (short) (1 + (linearToMulaw(linear) & 0xFF));
    }
  }

  private G711() {}

  /** Decodes one μ-law byte to a linear sample in [-32124, 32124]. */
  public static short mulawToLinear(byte code) {
    return MULAW_TO_LINEAR[code & 0xFF];
  }

  /** Decodes one A-law byte to a linear sample in [-32256, 32256]. */
  public static short alawToLinear(byte code) {
    return ALAW_TO_LINEAR[code & 0xFF];
  }

  /** Decodes a whole μ-law payload (one sample per byte); never returns null. */
  public static short[] decodeMulaw(byte[] payload) {
    short[] out = new short[payload.length];
    for (int i = 0; i < payload.length; i++) {
      out[i] = MULAW_TO_LINEAR[payload[i] & 0xFF];
    }
    return out;
  }

  /** Decodes a whole A-law payload (one sample per byte); never returns null. */
  public static short[] decodeAlaw(byte[] payload) {
    short[] out = new short[payload.length];
    for (int i = 0; i < payload.length; i++) {
      out[i] = ALAW_TO_LINEAR[payload[i] & 0xFF];
    }
    return out;
  }

  /**
   * The μ-law codes of samples that all decode back exactly (audio that arrived as μ-law), or
   * null as soon as one does not: one table lookup a sample, because the scorer asks this of every
   * utterance it keeps in its pending store.
   */
  public static byte[] exactMulaw(short[] samples) {
    byte[] codes = new byte[samples.length];
    for (int i = 0; i < samples.length; i++) {
      int entry = EXACT_MULAW[samples[i] & 0xFFFF];
      if (entry == 0) {
        return null;
      }
      codes[i] = (byte) (entry - 1);
    }
    return codes;
  }

  /** Encodes a linear sample to μ-law (G.711 §3, with the customary 0x84 bias and clipping). */
  public static byte linearToMulaw(short sample) {
    int pcm = sample;
    int sign = (pcm >> 8) & 0x80;
    if (sign != 0) {
      pcm = -pcm;
    }
    pcm = Math.min(pcm, MULAW_CLIP) + MULAW_BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (pcm >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** Encodes a linear sample to A-law (G.711 §2: 13-bit magnitude, segments, even bits inverted). */
  public static byte linearToAlaw(short sample) {
    int pcm = sample >> 3;
    int signMask;
    if (pcm >= 0) {
      signMask = 0xD5; // sign bit set for positive values, then the 0x55 inversion
    } else {
      signMask = 0x55;
      pcm = -pcm - 1;
    }
    int segment = 0;
    while (segment < 8 && pcm > (32 << segment) - 1) {
      segment++;
    }
    if (segment >= 8) {
      return (byte) (0x7F ^ signMask);
    }
    int code = segment << 4;
    code |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
    return (byte) (code ^ signMask);
  }

  private static short computeMulawToLinear(byte code) {
    int u = ~code & 0xFF;
    int exponent = (u >> 4) & 0x07;
    int mantissa = u & 0x0F;
    int magnitude = (((mantissa << 3) + MULAW_BIAS) << exponent) - MULAW_BIAS;
    return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
  }

  private static short computeAlawToLinear(byte code) {
    int a = (code & 0xFF) ^ 0x55;
    int exponent = (a >> 4) & 0x07;
    int mantissa = a & 0x0F;
    int magnitude;
    if (exponent == 0) {
      magnitude = (mantissa << 4) + 8;
    } else {
      magnitude = ((mantissa << 4) + 0x108) << (exponent - 1);
    }
    return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
  }
}
