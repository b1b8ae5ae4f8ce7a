package io.emostream.model.text.cues;

/**
 * Lexical valence cues of one transcript, the text encoder's prior knowledge of words it may
 * never have seen in training.
 *
 * @param tokens   one row of {@link #TOKEN_DIMS} values per token, aligned with the tokenizer's tokens
 * @param sentence {@link #SENTENCE_DIMS} values for the whole transcript
 */
public record TextCues(float[][] tokens, float[] sentence) {

  /** Per token: valence after negation, degree and contrast rules (/4), raw valence (/4), negator, degree. */
  public static final int TOKEN_DIMS = 4;

  /**
   * Per transcript: compound score (-1..1), positive share, negative share, share of words with
   * a valence, negation present, strongest positive (/4), strongest negative (/4), emphasis.
   */
  public static final int SENTENCE_DIMS = 8;

  /** Index of the compound score in {@link #sentence}. */
  public static final int COMPOUND = 0;

  /** Cues of a transcript with no words. */
  public static TextCues empty() {
    return new TextCues(new float[0][], new float[SENTENCE_DIMS]);
  }

  /** The compound valence score in [-1, 1] (VADER's normalisation of the summed valence). */
  public float compound() {
    return sentence[COMPOUND];
  }
}
