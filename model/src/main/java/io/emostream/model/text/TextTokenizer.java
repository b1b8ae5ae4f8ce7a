package io.emostream.model.text;

/**
 * Turns a transcript into embedding ids for the text encoder.
 *
 * <p>Implementations cut the result to their configured maximum token count and return ids in
 * {@code [0, vocabularySize())}. They may hold native resources, hence {@link AutoCloseable}.
 */
public interface TextTokenizer extends AutoCloseable {

  /** Tokens of {@code text} (never {@code null}; may have no tokens, e.g. for "?!"). */
  TokenizedText encode(String text);

  /** Exclusive upper bound of the ids this tokenizer produces (the embedding table's rows). */
  int vocabularySize();

  /** Longest token sequence {@link #encode} returns. */
  int maxTokens();

  @Override
  default void close() {}
}
