package io.emostream.model;

/** A model could not be loaded or could not score a batch; the message says which and why. */
public class ModelException extends RuntimeException {

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
