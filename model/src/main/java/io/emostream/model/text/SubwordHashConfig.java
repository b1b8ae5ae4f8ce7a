package io.emostream.model.text;

/**
 * Settings of {@link SubwordHashTokenizer}.
 *
 * @param buckets   number of hash buckets, i.e. rows of the text embedding table
 * @param minN      shortest character n-gram (3)
 * @param maxN      longest character n-gram (5)
 * @param maxTokens words kept per utterance; later words are cut
 */
public record SubwordHashConfig(int buckets, int minN, int maxN, int maxTokens) {

  public SubwordHashConfig {
    if (buckets <= 0 || maxTokens <= 0) {
      throw new IllegalArgumentException("tokenizer: buckets and maxTokens must be > 0, got buckets=" + buckets
          + " maxTokens=" + maxTokens);
    }
    if (minN < 1 || maxN < minN) {
      throw new IllegalArgumentException("tokenizer: need 1 <= minN <= maxN, got minN=" + minN + " maxN=" + maxN);
    }
  }
}
