package io.emostream.model.data;

/** A corpus could not be read: the message names the path (and line) at fault and how to fix it. */
public class CorpusException extends RuntimeException {

  public CorpusException(String message) {
    super(message);
  }

  public CorpusException(String message, Throwable cause) {
    super(message, cause);
  }
}
