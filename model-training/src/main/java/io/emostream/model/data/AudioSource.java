package io.emostream.model.data;

/**
 * Loads an example's audio on demand, so a reader can list tens of thousands of utterances
 * without holding their samples.
 */
@FunctionalInterface
public interface AudioSource {

  /**
   * The audio as 16 kHz mono floats in [-1, 1].
   *
   * @throws CorpusException naming the file when it cannot be read
   */
  float[] load();
}
