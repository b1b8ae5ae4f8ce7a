package io.emostream.schemas.calls;

import io.emostream.avro.AudioEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The audio of a recorded call: a RIFF WAV file held in memory, with its samples kept in the
 * file's own encoding (PCM signed 16-bit little-endian, G.711 μ-law or A-law) because replay sends
 * them on unchanged; decoding and resampling are the consumer's job.
 *
 * <p>Accepts format tags 1 (PCM, 16 bits), 7 (μ-law, 8 bits), 6 (A-law, 8 bits) and
 * WAVE_FORMAT_EXTENSIBLE wrapping one of those; one or two channels; 8000 to 48000 Hz. Anything
 * else is an {@link InvalidRecordingException} naming the file. A data chunk whose declared size
 * runs past the end of the file (streaming writers leave it unset) is read up to the last whole
 * frame present.
 *
 * <p>Immutable: the sample bytes are copied in and out.
 */
public final class WavFile {
  /** Lowest sample rate the contracts accept. */
  public static final int MIN_SAMPLE_RATE = 8_000;
  /** Highest sample rate the contracts accept. */
  public static final int MAX_SAMPLE_RATE = 48_000;

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_ALAW = 6;
  private static final int FORMAT_MULAW = 7;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  private final String source;
  private final AudioEncoding encoding;
  private final int sampleRate;
  private final int channels;
  private final byte[] data;

  private WavFile(String source, AudioEncoding encoding, int sampleRate, int channels,
      byte[] data) {
    this.source = source;
    this.encoding = encoding;
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.data = data;
  }

  /**
   * Audio built in memory, e.g. by a test or a generator that then {@link #write}s it.
   *
   * @param interleaved sample bytes, frames of {@code channels} samples each; copied
   * @throws IllegalArgumentException when the format is outside what the contract accepts or the
   *     bytes are not whole frames
   */
  public static WavFile of(AudioEncoding encoding, int sampleRate, int channels,
      byte[] interleaved) {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(interleaved, "interleaved");
    String problem = formatProblem(encoding, sampleRate, channels);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    int frame = bytesPerSample(encoding) * channels;
    if (interleaved.length % frame != 0) {
      throw new IllegalArgumentException(interleaved.length + " bytes are not whole frames of "
          + frame + " bytes (" + channels + " channel(s) of " + encoding + ")");
    }
    return new WavFile("<memory>", encoding, sampleRate, channels, interleaved.clone());
  }

  /**
   * Reads and checks a WAV file.
   *
   * @throws InvalidRecordingException naming the file when it cannot be read or is not a WAV in
   *     an accepted format
   */
  public static WavFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidRecordingException("Cannot read WAV file " + file + ": " + e, e);
    }
    return parse(bytes, file.toString());
  }

  /**
   * Parses WAV bytes.
   *
   * @param source names the bytes in error messages, e.g. the file path
   * @throws InvalidRecordingException naming {@code source} when the bytes are not an accepted WAV
   */
  public static WavFile parse(byte[] bytes, String source) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
      throw new InvalidRecordingException(source + " is not a RIFF WAVE file (it must start "
          + "with 'RIFF', a size and 'WAVE'); convert it with e.g. `sox in.xxx -e signed -b 16 "
          + "out.wav`.");
    }
    int formatTag = -1;
    int channels = 0;
    int sampleRate = 0;
    int blockAlign = 0;
    int bits = 0;
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      String id = tag(bytes, pos);
      long size = Integer.toUnsignedLong(in.getInt(pos + 4));
      int body = pos + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + 16 > bytes.length) {
          throw new InvalidRecordingException(source + ": the 'fmt ' chunk is truncated ("
              + size + " bytes, at least 16 needed).");
        }
        formatTag = Short.toUnsignedInt(in.getShort(body));
        channels = Short.toUnsignedInt(in.getShort(body + 2));
        sampleRate = in.getInt(body + 4);
        blockAlign = Short.toUnsignedInt(in.getShort(body + 12));
        bits = Short.toUnsignedInt(in.getShort(body + 14));
        if (formatTag == FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) {
          // the real format tag is the first two bytes of the sub-format GUID
          formatTag = Short.toUnsignedInt(in.getShort(body + 24));
        }
      } else if (id.equals("data")) {
        if (formatTag < 0) {
          throw new InvalidRecordingException(source + ": the 'data' chunk comes before any "
              + "'fmt ' chunk, so its samples cannot be interpreted.");
        }
        AudioEncoding encoding = encodingOf(source, formatTag, bits);
        String problem = formatProblem(encoding, sampleRate, channels);
        if (problem != null) {
          throw new InvalidRecordingException(source + ": " + problem);
        }
        int frame = bytesPerSample(encoding) * channels;
        if (blockAlign != frame) {
          throw new InvalidRecordingException(source + ": block align is " + blockAlign
              + " but " + channels + " channel(s) of " + encoding + " need " + frame);
        }
        long available = Math.min(size, bytes.length - (long) body);
        int length = (int) (available - available % frame);
        return new WavFile(source, encoding, sampleRate, channels,
            Arrays.copyOfRange(bytes, body, body + length));
      }
      pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
    }
    throw new InvalidRecordingException(source + " has no " + (formatTag < 0 ? "'fmt ' chunk"
        : "'data' chunk") + ": it is truncated or not a WAV file.");
  }

  private static AudioEncoding encodingOf(String source, int formatTag, int bits) {
    AudioEncoding encoding = switch (formatTag) {
      case FORMAT_PCM -> AudioEncoding.PCM_S16LE;
      case FORMAT_MULAW -> AudioEncoding.MULAW;
      case FORMAT_ALAW -> AudioEncoding.ALAW;
      default -> throw new InvalidRecordingException(source + " uses WAV format tag " + formatTag
          + "; only PCM (1), A-law (6) and mu-law (7) are accepted. Convert it with e.g. "
          + "`sox in.wav -e signed -b 16 out.wav`.");
    };
    if (bits != 8 * bytesPerSample(encoding)) {
      throw new InvalidRecordingException(source + " has " + bits + "-bit " + encoding
          + " samples; " + encoding + " must be " + 8 * bytesPerSample(encoding) + "-bit. "
          + "Convert it with e.g. `sox in.wav -e signed -b 16 out.wav`.");
    }
    return encoding;
  }

  private static String formatProblem(AudioEncoding encoding, int sampleRate, int channels) {
    if (encoding == AudioEncoding.UNKNOWN_ENCODING) {
      return "encoding must be PCM_S16LE, MULAW or ALAW";
    }
    if (channels < 1 || channels > 2) {
      return channels + " channels; recorded calls are mono (one speaker) or stereo (one "
          + "speaker per channel)";
    }
    if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
      return "sample rate " + sampleRate + " Hz is outside " + MIN_SAMPLE_RATE + "-"
          + MAX_SAMPLE_RATE + " Hz; resample it, e.g. `sox in.wav -r 16000 out.wav`";
    }
    return null;
  }

  private static String tag(byte[] bytes, int at) {
    return new String(bytes, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Bytes per sample of one channel: 2 for PCM_S16LE, 1 for the G.711 encodings. */
  public static int bytesPerSample(AudioEncoding encoding) {
    return encoding == AudioEncoding.PCM_S16LE ? 2 : 1;
  }

  /** Where the audio came from (the file path), for messages. */
  public String source() {
    return source;
  }

  public AudioEncoding encoding() {
    return encoding;
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int channels() {
    return channels;
  }

  /** Number of frames (samples per channel). */
  public long frameCount() {
    return data.length / ((long) bytesPerSample(encoding) * channels);
  }

  /** Length of the audio in milliseconds, rounded up so that it covers the last sample. */
  public long durationMs() {
    return (frameCount() * 1000 + sampleRate - 1) / sampleRate;
  }

  /**
   * The samples of one channel in frames {@code [fromFrame, toFrame)}, in the file's encoding.
   *
   * @throws IndexOutOfBoundsException for a channel or frame range outside the audio
   */
  public byte[] channelSamples(int channel, long fromFrame, long toFrame) {
    Objects.checkIndex(channel, channels);
    if (fromFrame < 0 || toFrame > frameCount() || fromFrame > toFrame) {
      throw new IndexOutOfBoundsException("frames [" + fromFrame + ", " + toFrame
          + ") outside [0, " + frameCount() + ") of " + source);
    }
    int sample = bytesPerSample(encoding);
    int frame = sample * channels;
    byte[] out = new byte[(int) (toFrame - fromFrame) * sample];
    int o = 0;
    for (long f = fromFrame; f < toFrame; f++) {
      int at = (int) (f * frame) + channel * sample;
      for (int b = 0; b < sample; b++) {
        out[o++] = data[at + b];
      }
    }
    return out;
  }

  /** This audio as a canonical 44-byte-header WAV file. */
  public byte[] toBytes() {
    int sample = bytesPerSample(encoding);
    int formatTag = switch (encoding) {
      case PCM_S16LE -> FORMAT_PCM;
      case MULAW -> FORMAT_MULAW;
      case ALAW -> FORMAT_ALAW;
      default -> throw new IllegalStateException("unreachable: " + encoding);
    };
    ByteBuffer out = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(36 + data.length)
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(16).putShort((short) formatTag).putShort((short) channels).putInt(sampleRate)
        .putInt(sampleRate * sample * channels).putShort((short) (sample * channels))
        .putShort((short) (8 * sample))
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data.length)
        .put(data);
    return out.array();
  }

  /** Writes {@link #toBytes()} to {@code file}, replacing it. */
  public void write(Path file) throws IOException {
    Files.write(file, toBytes());
  }

  @Override
  public String toString() {
    return "WavFile[" + source + ", " + encoding + ", " + sampleRate + " Hz, " + channels
        + " ch, " + durationMs() + " ms]";
  }
}
