package io.emostream.model.text;

/**
 * A transcript as the text encoder consumes it: one row per token, each row the embedding ids
 * whose vectors are averaged into that token's embedding (a subword-hash word has its word id
 * and n-gram ids; a {@code tokenizer.json} token has one id).
 *
 * @param pieces one non-empty id array per token; may be empty when the text has no tokens
 */
public record TokenizedText(int[][] pieces) {

  /** Number of tokens. */
  public int length() {
    return pieces.length;
  }

  /** The most ids any token has; 0 without tokens. */
  public int maxPieces() {
    int max = 0;
    for (int[] p : pieces) {
      max = Math.max(max, p.length);
    }
    return max;
  }
}
