package io.emostream.model.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.emostream.model.ModelException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The bundle manifest's {@code tokenizer} object: which tokenizer turns text into embedding ids.
 *
 * @param type      {@code subword-hash} or {@code huggingface}
 * @param buckets   subword-hash: hash buckets (must equal the net's vocabSize); else {@code null}
 * @param minN      subword-hash: shortest n-gram; else {@code null}
 * @param maxN      subword-hash: longest n-gram; else {@code null}
 * @param maxTokens tokens kept per utterance
 * @param file      huggingface: the tokenizer.json file name inside the bundle; else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenizerConfig(String type, Integer buckets, Integer minN, Integer maxN, int maxTokens, String file) {

  public static final String SUBWORD_HASH = "subword-hash";
  public static final String HUGGINGFACE = "huggingface";

  /** A subword-hash tokenizer config with n = 3..5. */
  public static TokenizerConfig subwordHash(int buckets, int maxTokens) {
    return new TokenizerConfig(SUBWORD_HASH, buckets, 3, 5, maxTokens, null);
  }

  /** A tokenizer.json config; {@code file} is relative to the bundle directory. */
  public static TokenizerConfig huggingFace(String file, int maxTokens) {
    return new TokenizerConfig(HUGGINGFACE, null, null, null, maxTokens, file);
  }

  /**
   * Opens the tokenizer this config names.
   *
   * @param bundleDir      where a tokenizer file lives
   * @param vocabularySize rows of the model's embedding table
   * @throws ModelException for an unknown type, missing settings or a bad file
   */
  public TextTokenizer open(Path bundleDir, int vocabularySize) {
    String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (maxTokens <= 0) {
      throw new ModelException("tokenizer.maxTokens must be > 0, got " + maxTokens);
    }
    switch (kind) {
      case SUBWORD_HASH -> {
        if (buckets == null || buckets != vocabularySize) {
          throw new ModelException("tokenizer.buckets (" + buckets + ") must equal hyperParameters.vocabSize ("
              + vocabularySize + "): every bucket is one embedding row");
        }
        return new SubwordHashTokenizer(new SubwordHashConfig(buckets, minN == null ? 3 : minN,
            maxN == null ? 5 : maxN, maxTokens));
      }
      case HUGGINGFACE -> {
        if (file == null || file.isBlank()) {
          throw new ModelException("tokenizer.type is huggingface but tokenizer.file is missing:"
              + " name the tokenizer.json inside the bundle, e.g. \"file\": \"tokenizer.json\"");
        }
        return HuggingFaceTextTokenizer.load(bundleDir.resolve(file), vocabularySize, maxTokens);
      }
      default -> throw new ModelException("tokenizer.type '" + type + "' is not known: use \"" + SUBWORD_HASH
          + "\" or \"" + HUGGINGFACE + "\"");
    }
  }
}
