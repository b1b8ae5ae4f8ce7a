package io.emostream.model.data;

import java.util.List;

/**
 * A source of labelled examples with speaker-independent train/dev/test splits.
 *
 * <p>Implementations read a corpus's own layout ({@link SyntheticManifestReader},
 * {@link IemocapReader}); the trainer and the evaluator see only {@link Example}s.
 */
public interface CorpusReader {

  /** What was read, for provenance, e.g. {@code "IEMOCAP /data/IEMOCAP fold 1"}. */
  String description();

  /**
   * Every usable example, in a stable order.
   *
   * @throws CorpusException naming the file (and line) when the corpus is missing or malformed
   */
  List<Example> read();

  /** The examples of one split, in {@link #read()} order. */
  default List<Example> read(Split split) {
    return read().stream().filter(e -> e.split() == split).toList();
  }
}
