package io.emostream.model.wav;

import io.emostream.model.audio.G711;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files of the encodings people actually have: integer PCM (8, 16, 24, 32 bit),
 * IEEE float (32, 64 bit), μ-law and A-law, plain or {@code WAVE_FORMAT_EXTENSIBLE}, any number
 * of channels, any rate. {@link #readMono(Path, int)} gives what the model consumes: mono floats
 * at the model's rate.
 */
public final class WavReader {

  private static final int PCM = 1;
  private static final int IEEE_FLOAT = 3;
  private static final int ALAW = 6;
  private static final int MULAW = 7;
  private static final int EXTENSIBLE = 0xFFFE;

  private WavReader() {}

  /** The file as mono samples at {@code rate} Hz. */
  public static float[] readMono(Path file, int rate) {
    return read(file).resampledTo(rate).samples();
  }

  /** Decodes {@code file}; fails with a {@link WavFormatException} naming the file and the problem. */
  public static WavAudio read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new WavFormatException("WAV file " + file + " does not exist: check the path");
    } catch (IOException e) {
      throw new WavFormatException("cannot read WAV file " + file + ": " + e.getMessage(), e);
    }
    return decode(bytes, file.toString());
  }

  /** Decodes WAV {@code bytes}; {@code source} names them in errors. */
  public static WavAudio decode(byte[] bytes, String source) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
      throw new WavFormatException(source + " is not a WAV file (no RIFF/WAVE header): convert it with"
          + " e.g. `sox in.mp3 -r 16000 -c 1 out.wav`");
    }
    Format format = null;
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      int id = in.getInt(pos);
      long size = Integer.toUnsignedLong(in.getInt(pos + 4));
      int body = pos + 8;
      if (id == 0x20746d66) { // "fmt "
        format = parseFormat(in, body, (int) size, source);
      } else if (id == 0x61746164) { // "data"
        if (format == null) {
          throw new WavFormatException(source + ": data chunk before fmt chunk; the file is malformed");
        }
        // streaming writers leave the size at 0 or 0xFFFFFFFF: take what is there
        int length = (int) Math.min(size == 0 ? Long.MAX_VALUE : size, bytes.length - (long) body);
        return new WavAudio(format.rate, format.channels, format.name(), samples(in, body, length, format));
      }
      pos = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body);
    }
    throw new WavFormatException(source + " has no " + (format == null ? "fmt" : "data") + " chunk; the file is"
        + " truncated or not a WAV file");
  }

  private record Format(int code, int channels, int rate, int bits) {
    String name() {
      return switch (code) {
        case PCM -> bits == 8 ? "PCM_U8" : "PCM_S" + bits + "LE";
        case IEEE_FLOAT -> "FLOAT" + bits;
        case ALAW -> "ALAW";
        case MULAW -> "MULAW";
        default -> "format " + code;
      };
    }
  }

  private static Format parseFormat(ByteBuffer in, int at, int size, String source) {
    if (size < 16) {
      throw new WavFormatException(source + ": fmt chunk of " + size + " bytes is too short (need 16)");
    }
    int code = in.getShort(at) & 0xFFFF;
    int channels = in.getShort(at + 2) & 0xFFFF;
    int rate = in.getInt(at + 4);
    int bits = in.getShort(at + 14) & 0xFFFF;
    if (code == EXTENSIBLE && size >= 26) {
      code = in.getShort(at + 24) & 0xFFFF; // first two bytes of the sub-format GUID
    }
    boolean supported = (code == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32))
        || (code == IEEE_FLOAT && (bits == 32 || bits == 64))
        || ((code == ALAW || code == MULAW) && bits == 8);
    if (!supported) {
      throw new WavFormatException(source + ": unsupported WAV encoding (format code " + code + ", " + bits
          + " bits); use PCM 8/16/24/32-bit, float, μ-law or A-law, e.g. `sox in.wav -e signed -b 16 out.wav`");
    }
    if (channels < 1 || rate < 1) {
      throw new WavFormatException(source + ": invalid fmt chunk (" + channels + " channels, " + rate + " Hz)");
    }
    return new Format(code, channels, rate, bits);
  }

  private static float[] samples(ByteBuffer in, int at, int length, Format f) {
    int bytesPerSample = f.bits / 8;
    int frames = length / (bytesPerSample * f.channels);
    float[] out = new float[frames];
    int pos = at;
    for (int i = 0; i < frames; i++) {
      double sum = 0;
      for (int c = 0; c < f.channels; c++) {
        sum += sample(in, pos, f);
        pos += bytesPerSample;
      }
      out[i] = (float) (sum / f.channels);
    }
    return out;
  }

  private static double sample(ByteBuffer in, int pos, Format f) {
    return switch (f.code) {
      case ALAW -> G711.alawToLinear(in.get(pos)) / 32768.0;
      case MULAW -> G711.mulawToLinear(in.get(pos)) / 32768.0;
      case IEEE_FLOAT -> f.bits == 32 ? in.getFloat(pos) : in.getDouble(pos);
      default -> switch (f.bits) {
        case 8 -> ((in.get(pos) & 0xFF) - 128) / 128.0;
        case 16 -> in.getShort(pos) / 32768.0;
        case 24 -> ((in.get(pos) & 0xFF) | ((in.get(pos + 1) & 0xFF) << 8) | (in.get(pos + 2) << 16)) / 8388608.0;
        default -> in.getInt(pos) / 2147483648.0;
      };
    };
  }
}
