package io.emostream.model.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.model.ModelException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HuggingFaceTextTokenizerTest {

  private static Path fixtureDir() throws URISyntaxException {
    return Path.of(HuggingFaceTextTokenizerTest.class.getResource("/tokenizers/wordlevel-tokenizer.json").toURI())
        .getParent();
  }

  @Test
  void shouldEncodeWithALocalTokenizerJsonOneIdPerToken() throws Exception {
    try (TextTokenizer tokenizer = TokenizerConfig.huggingFace("wordlevel-tokenizer.json", 16)
        .open(fixtureDir(), 16)) {
      TokenizedText text = tokenizer.encode("I am VERY happy today!");
      assertThat(text.pieces()).isDeepEqualTo(new int[][] {{1}, {2}, {3}, {4}, {7}, {8}});
    }
  }

  @Test
  void shouldMapUnknownWordsToTheUnknownIdAndCutToMaxTokens() throws Exception {
    try (TextTokenizer tokenizer = TokenizerConfig.huggingFace("wordlevel-tokenizer.json", 3)
        .open(fixtureDir(), 16)) {
      assertThat(tokenizer.encode("i am flabbergasted today").pieces()).isDeepEqualTo(new int[][] {{1}, {2}, {0}});
    }
  }

  @Test
  void shouldRejectIdsBeyondTheEmbeddingTable() throws Exception {
    try (TextTokenizer tokenizer = TokenizerConfig.huggingFace("wordlevel-tokenizer.json", 16)
        .open(fixtureDir(), 5)) {
      assertThatThrownBy(() -> tokenizer.encode("i am sad"))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("produced id 6")
          .hasMessageContaining("vocabSize");
    }
  }

  @Test
  void shouldNameTheMissingTokenizerFile() {
    assertThatThrownBy(() -> TokenizerConfig.huggingFace("nope.json", 8).open(Path.of("/tmp"), 16))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("nope.json")
        .hasMessageContaining("does not exist");
  }
}
