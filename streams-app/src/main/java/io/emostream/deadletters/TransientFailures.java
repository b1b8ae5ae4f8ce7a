package io.emostream.deadletters;

import io.emostream.schemas.registry.RegistryUnreachableException;
import java.io.IOException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Failures that say nothing about the record: the schema registry or the network is briefly away.
 * Such a record is not dead-lettered (it would be a good record on the wrong topic); the scorer keeps
 * the work in its store and forwards it again.
 */
final class TransientFailures {

  private TransientFailures() {}

  /** Whether {@code error} or any of its causes is a transient, retriable condition. */
  static boolean isTransient(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RegistryUnreachableException || t instanceof RetriableException || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
