package io.emostream.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringConfigTest {

  @Test
  void shouldUseTheDocumentedDefaults() {
    ScoringConfig config = ScoringConfig.from(Map.of());
    assertThat(config.maxBatch()).isEqualTo(16);
    assertThat(config.maxDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.retries()).isEqualTo(3);
    assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.textMode()).as("privacy by default").isEqualTo(TextMode.REDACTED);
    assertThat(config.punctuationInterval()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void shouldCapTheBackoffSoRetriesCannotStallTheStreamThread() {
    ScoringConfig config = ScoringConfig.from(Map.of("inference.retry-backoff", "1s"));
    assertThat(config.backoffBefore(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.backoffBefore(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.backoffBefore(5)).isEqualTo(ScoringConfig.MAX_BACKOFF);
  }

  @Test
  void shouldNotAllowABatchSizeOfZeroAndNameTheKey() {
    assertThatThrownBy(() -> ScoringConfig.from(Map.of("inference.max-batch", "0")))
        .hasMessageContaining("inference.max-batch").hasMessageContaining("[1, 4096]");
  }

  @Test
  void shouldNotAllowAnUnknownTextModeAndListTheChoices() {
    assertThatThrownBy(() -> ScoringConfig.from(Map.of("output.include-text", "partial")))
        .hasMessageContaining("output.include-text").hasMessageContaining("full redacted none");
  }

  @Test
  void shouldNotAllowAnUnparsableDelay() {
    assertThatThrownBy(() -> ScoringConfig.from(Map.of("inference.max-delay", "soon")))
        .hasMessageContaining("inference.max-delay").hasMessageContaining("250ms");
  }
}
