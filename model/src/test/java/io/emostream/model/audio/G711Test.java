package io.emostream.model.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reference values are those of ITU-T G.711 (Tables 1a/2a) as printed in the standard. */
class G711Test {

  @Test
  void shouldDecodeMulawCodesToTheStandardsValues() {
    assertThat(G711.mulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
    assertThat(G711.mulawToLinear((byte) 0x7F)).isEqualTo((short) 0);
    assertThat(G711.mulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
    assertThat(G711.mulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
    assertThat(G711.mulawToLinear((byte) 0xF0)).isEqualTo((short) 120);
    assertThat(G711.mulawToLinear((byte) 0xEF)).isEqualTo((short) 132);
    assertThat(G711.mulawToLinear((byte) 0x70)).isEqualTo((short) -120);
  }

  @Test
  void shouldDecodeAlawCodesToTheStandardsValues() {
    assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
    assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
    assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
    assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    assertThat(G711.alawToLinear((byte) 0xC5)).isEqualTo((short) 264);
  }

  @Test
  void shouldDecodeToMonotonicSymmetricLevelsAcrossAllCodes() {
    short previousMu = Short.MIN_VALUE;
    short previousA = Short.MIN_VALUE;
    // mu-law codes 0x00..0x7F run from -32124 up to (negative) zero; 0x80..0xFF mirror them
    for (int code = 0; code < 128; code++) {
      short mu = G711.mulawToLinear((byte) code);
      assertThat(mu).isGreaterThanOrEqualTo(previousMu);
      previousMu = mu;
      assertThat(G711.mulawToLinear((byte) (code | 0x80))).isEqualTo((short) -mu);
    }
    for (int code = 0; code < 128; code++) {
      short a = G711.alawToLinear((byte) ((code | 0x80) ^ 0x55));
      assertThat(G711.alawToLinear((byte) (code ^ 0x55))).isEqualTo((short) -a);
      assertThat(a).isGreaterThan(previousA);
      previousA = a;
    }
  }

  @Test
  void shouldRoundTripEveryCodeThroughEncoder() {
    for (int code = 0; code < 256; code++) {
      short mu = G711.mulawToLinear((byte) code);
      assertThat(G711.mulawToLinear(G711.linearToMulaw(mu))).as("mu-law code %02x", code).isEqualTo(mu);
      short a = G711.alawToLinear((byte) code);
      assertThat(G711.linearToAlaw(a)).as("A-law code %02x", code).isEqualTo((byte) code);
    }
  }

  @Test
  void shouldKeepQuantisationErrorWithinTheSegmentStep() {
    for (int v = -32000; v <= 32000; v += 37) {
      short s = (short) v;
      double step = Math.max(16, Math.abs(v) / 16.0) + 8; // G.711 steps grow with the segment
      assertThat((double) Math.abs(G711.mulawToLinear(G711.linearToMulaw(s)) - v)).isLessThanOrEqualTo(step);
      assertThat((double) Math.abs(G711.alawToLinear(G711.linearToAlaw(s)) - v)).isLessThanOrEqualTo(step);
    }
  }

  @Test
  void shouldGiveTheMulawCodesOfExactSamplesAndNullOtherwise() {
    short[] exact = new short[256];
    for (int code = 0; code < 256; code++) {
      exact[code] = G711.mulawToLinear((byte) code);
    }
    byte[] codes = G711.exactMulaw(exact);
    assertThat(codes).isNotNull();
    for (int i = 0; i < exact.length; i++) {
      assertThat(G711.mulawToLinear(codes[i])).isEqualTo(exact[i]);
    }
    short[] oneOff = exact.clone();
    oneOff[100] = (short) (oneOff[100] + 1);
    assertThat(G711.exactMulaw(oneOff)).isNull();
    assertThat(G711.exactMulaw(new short[0])).isEmpty();
  }
}
