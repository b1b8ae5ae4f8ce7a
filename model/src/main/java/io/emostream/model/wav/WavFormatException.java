package io.emostream.model.wav;

/** A WAV file could not be read: the message names the file and what is wrong with it. */
public class WavFormatException extends RuntimeException {

  public WavFormatException(String message) {
    super(message);
  }

  public WavFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
