package io.emostream.model.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchingConfigTest {

  @Test
  void shouldTakeTypedValues() {
    BatchingConfig config = new BatchingConfig(8, Duration.ofMillis(5), 64, Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(config.maxBatch()).isEqualTo(8);
    assertThat(config.withBatch(128, Duration.ZERO).queueCapacity()).isEqualTo(128);
  }

  @Test
  void shouldNameTheComponentAndNoApplicationKeyWhenAValueIsInvalid() {
    assertThatThrownBy(() -> new BatchingConfig(0, Duration.ZERO, 8, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxBatch is 0").hasMessageNotContaining("inference.");
    assertThatThrownBy(() -> new BatchingConfig(8, Duration.ZERO, 4, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("queueCapacity is 4").hasMessageNotContaining("inference.");
    assertThatThrownBy(() -> new BatchingConfig(8, Duration.ofMillis(-1), 8, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxDelay").hasMessageNotContaining("inference.");
  }
}
