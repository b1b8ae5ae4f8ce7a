package io.emostream.model.corpus;

/** Told after each synthesised utterance; called from worker threads, one call at a time. */
@FunctionalInterface
public interface ProgressListener {

  /** {@code done} of {@code total} utterances are written. */
  void onProgress(int done, int total);

  /** A listener that ignores progress. */
  static ProgressListener none() {
    return (done, total) -> {};
  }
}
