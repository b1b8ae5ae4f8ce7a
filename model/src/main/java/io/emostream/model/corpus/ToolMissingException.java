package io.emostream.model.corpus;

/** espeak-ng or sox cannot be run; the message says how to install it or where to point. */
public class ToolMissingException extends RuntimeException {

  public ToolMissingException(String message, Throwable cause) {
    super(message, cause);
  }

  public ToolMissingException(String message) {
    super(message);
  }
}
