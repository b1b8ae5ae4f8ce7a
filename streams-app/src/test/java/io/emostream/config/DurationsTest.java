package io.emostream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void shouldReadTheFormsOperatorsWrite() {
    assertThat(Durations.parse("k", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("k", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("k", " 2m ")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("k", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("k", "PT5S")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Durations.parse("k", "250")).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void shouldNameTheKeyAndTheAcceptedFormsWhenItCannotRead() {
    assertThatThrownBy(() -> Durations.parse("assembly.max-wait", "five seconds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("assembly.max-wait")
        .hasMessageContaining("500ms, 5s, 2m or PT5S");
  }
}
