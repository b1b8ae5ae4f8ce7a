package io.emostream.model.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.emostream.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@code tokenizer.json} (Hugging Face tokenizers format) read from a local file; each token
 * is one embedding id. Never resolves a model name, so it never touches the network.
 *
 * <p>Special tokens are not added: the text encoder has its own pooling and needs no
 * {@code [CLS]}. Ids at or above {@code vocabularySize} are rejected, because they would index
 * past the embedding table. Thread-safe (the native tokenizer is); close it to free native memory.
 */
public final class HuggingFaceTextTokenizer implements TextTokenizer {

  private final HuggingFaceTokenizer tokenizer;
  private final Path file;
  private final int vocabularySize;
  private final int maxTokens;

  private HuggingFaceTextTokenizer(HuggingFaceTokenizer tokenizer, Path file, int vocabularySize, int maxTokens) {
    this.tokenizer = tokenizer;
    this.file = file;
    this.vocabularySize = vocabularySize;
    this.maxTokens = maxTokens;
  }

  /**
   * Loads {@code file}.
   *
   * @throws ModelException when the file is missing or not a valid tokenizer.json
   */
  public static HuggingFaceTextTokenizer load(Path file, int vocabularySize, int maxTokens) {
    if (!Files.isRegularFile(file)) {
      throw new ModelException("tokenizer file " + file + " does not exist: put the tokenizer.json the"
          + " manifest's tokenizer.file names next to manifest.json");
    }
    try {
      HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "false",
          "truncation", "false", "padding", "false"));
      return new HuggingFaceTextTokenizer(hf, file, vocabularySize, maxTokens);
    } catch (IOException | RuntimeException e) {
      throw new ModelException("tokenizer file " + file + " could not be read as a Hugging Face tokenizer.json: "
          + e.getMessage(), e);
    }
  }

  @Override
  public TokenizedText encode(String text) {
    long[] ids = tokenizer.encode(text, false, false).getIds();
    int n = Math.min(ids.length, maxTokens);
    int[][] pieces = new int[n][];
    for (int i = 0; i < n; i++) {
      if (ids[i] < 0 || ids[i] >= vocabularySize) {
        throw new ModelException("tokenizer " + file + " produced id " + ids[i] + " for '" + text
            + "' but the model's text vocabulary has " + vocabularySize + " rows: set hyperParameters.vocabSize"
            + " to at least the tokenizer's vocabulary size");
      }
      pieces[i] = new int[] {(int) ids[i]};
    }
    return new TokenizedText(pieces);
  }

  @Override
  public int vocabularySize() {
    return vocabularySize;
  }

  @Override
  public int maxTokens() {
    return maxTokens;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
