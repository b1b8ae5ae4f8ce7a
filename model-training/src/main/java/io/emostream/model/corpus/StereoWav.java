package io.emostream.model.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes two-channel 16-bit PCM WAV files, the telephony recording format of the demo calls. */
final class StereoWav {

  private StereoWav() {}

  /** Interleaves {@code left} (channel 0) and {@code right} (channel 1), clipped to [-1, 1]. */
  static void write(Path file, float[] left, float[] right, int rate) throws IOException {
    if (left.length != right.length) {
      throw new IllegalArgumentException("channels differ in length: " + left.length + " vs " + right.length);
    }
    int dataBytes = 4 * left.length;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16)
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    for (int i = 0; i < left.length; i++) {
      b.putShort(pcm(left[i])).putShort(pcm(right[i]));
    }
    Files.write(file, b.array());
  }

  private static short pcm(float s) {
    return (short) Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f);
  }
}
