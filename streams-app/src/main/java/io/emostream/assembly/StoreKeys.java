package io.emostream.assembly;

/**
 * String keys of the assembler's stores. The callId is length-prefixed so no callId can
 * be a prefix of another's keys, and numbers are zero-padded so that the stores' byte
 * order is time order (range scans per channel).
 */
final class StoreKeys {

  private StoreKeys() {}

  /** Prefix shared by every key of one call. */
  static String callPrefix(String callId) {
    return callId.length() + ":" + callId + "|";
  }

  /** Prefix of one channel's audio keys. */
  static String channelPrefix(String callId, int channel) {
    return callPrefix(callId) + pad(channel, 5) + "|";
  }

  /** Key of the chunk starting at {@code startMs} (clamped to 0). */
  static String audio(String callId, int channel, long startMs) {
    return channelPrefix(callId, channel) + pad(Math.max(0, startMs), AUDIO_DIGITS);
  }

  /** The time in an audio key made by {@link #audio}. */
  static long audioMs(String key) {
    return Long.parseLong(key.substring(key.length() - AUDIO_DIGITS));
  }

  private static final int AUDIO_DIGITS = 13;

  private static String pad(long value, int width) {
    String digits = Long.toString(value);
    int zeros = width - digits.length();
    if (zeros <= 0) {
      return digits;
    }
    char[] out = new char[width]; // built in place: keys are made for every frame and scan
    java.util.Arrays.fill(out, 0, zeros, '0');
    digits.getChars(0, digits.length(), out, zeros);
    return new String(out);
  }

  /** Key of a transcript's pending entry. */
  static String pending(String callId, String utteranceId) {
    return callPrefix(callId) + utteranceId;
  }
}
