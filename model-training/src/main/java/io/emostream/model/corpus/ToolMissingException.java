package io.emostream.model.corpus;

/** A synthesis tool or voice (espeak-ng, sox, festival, flite) cannot be run; the message names the apt package or where to point. */
public class ToolMissingException extends RuntimeException {

  public ToolMissingException(String message, Throwable cause) {
    super(message, cause);
  }

  public ToolMissingException(String message) {
    super(message);
  }
}
