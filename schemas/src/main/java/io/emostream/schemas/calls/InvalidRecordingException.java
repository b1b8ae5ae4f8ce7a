package io.emostream.schemas.calls;

/**
 * A recorded call (its WAV or its transcript JSON) breaks the recorded-call format. The message
 * names the file and says what to fix; callers replaying a directory skip such a call and go on.
 */
public class InvalidRecordingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRecordingException(String message) {
    super(message);
  }

  public InvalidRecordingException(String message, Throwable cause) {
    super(message, cause);
  }
}
