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
    assertThat(config.maxBatch()).isEqualTo(32);
    assertThat(config.maxDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(config.queueCapacity()).isEqualTo(1024);
    assertThat(config.maxInFlight()).isEqualTo(512);
    assertThat(config.retries()).isEqualTo(3);
    assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.textMode()).as("privacy by default").isEqualTo(TextMode.REDACTED);
  }

  @Test
  void shouldReadTheDeprecatedModelBatchKeysWhenTheInferenceKeysAreUnset() {
    ScoringConfig config = ScoringConfig.from(Map.of("model.batch.max", "8", "model.batch.max-delay-ms", "40",
        "model.batch.queue-capacity", "64"));
    assertThat(config.batching().maxBatch()).isEqualTo(8);
    assertThat(config.batching().maxDelay()).isEqualTo(Duration.ofMillis(40));
    assertThat(config.batching().queueCapacity()).isEqualTo(64);
  }

  @Test
  void shouldPreferTheInferenceKeysOverTheDeprecatedOnes() {
    ScoringConfig config = ScoringConfig.from(Map.of("model.batch.max", "8", "inference.max-batch", "4"));
    assertThat(config.batching().maxBatch()).isEqualTo(4);
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
