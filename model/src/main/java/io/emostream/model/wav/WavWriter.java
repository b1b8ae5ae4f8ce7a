package io.emostream.model.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono 16-bit PCM WAV files (corpus tools and tests). */
public final class WavWriter {

  private WavWriter() {}

  /** Writes {@code samples} (clipped to [-1, 1]) as mono PCM16 at {@code rate}; creates parent directories. */
  public static void writePcm16(Path file, float[] samples, int rate) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x46464952).putInt(36 + 2 * samples.length).putInt(0x45564157);
    b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
        .putShort((short) 2).putShort((short) 16);
    b.putInt(0x61746164).putInt(2 * samples.length);
    for (float s : samples) {
      b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f));
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.write(file, b.array());
  }
}
