package io.emostream.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssemblyConfigTest {

  @Test
  void shouldUseDocumentedDefaultsWhenNothingIsSet() {
    AssemblyConfig c = AssemblyConfig.fromMap(Map.of("application.id", "x"));
    assertThat(c).isEqualTo(AssemblyConfig.defaults());
    assertThat(c.maxWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.transcriptTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.vadSettings().frameMs()).isEqualTo(20);
  }

  @Test
  void shouldParseDurationsNumbersAndStoreType() {
    AssemblyConfig c = AssemblyConfig.fromMap(Map.of(AssemblyConfig.MAX_WAIT, "2500ms",
        AssemblyConfig.TRANSCRIPT_TIMEOUT, "PT20S", AssemblyConfig.CALL_IDLE_TIMEOUT, "2m",
        AssemblyConfig.VAD_THRESHOLD_DB, "12.5", AssemblyConfig.MAX_TEXT_LENGTH, 800,
        AssemblyConfig.PUNCTUATE_INTERVAL, 250, AssemblyConfig.STORE_TYPE, "in-memory"));
    assertThat(c.maxWait()).isEqualTo(Duration.ofMillis(2500));
    assertThat(c.transcriptTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.callIdleTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.vadThresholdDb()).isEqualTo(12.5);
    assertThat(c.maxTextLength()).isEqualTo(800);
    assertThat(c.punctuateInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.inMemoryStores()).isTrue();
  }

  @Test
  void shouldNotAllowUnparsableValuesAndNameTheKey() {
    assertThatThrownBy(() -> AssemblyConfig.fromMap(Map.of(AssemblyConfig.MAX_WAIT, "soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assembly.max-wait").hasMessageContaining("soon");
    assertThatThrownBy(() -> AssemblyConfig.fromMap(Map.of(AssemblyConfig.MAX_SAMPLE_RATE, "lots")))
        .hasMessageContaining("assembly.max-sample-rate");
  }

  @Test
  void shouldNotAllowUnknownAssemblyKeys() {
    assertThatThrownBy(() -> AssemblyConfig.fromMap(Map.of("assembly.max-wiat", "5s")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assembly.max-wiat");
  }

  @Test
  void shouldNotAllowRetentionShorterThanTheLongestUtterance() {
    assertThatThrownBy(() -> AssemblyConfig.fromMap(Map.of(AssemblyConfig.AUDIO_RETENTION, "30s")))
        .hasMessageContaining("assembly.audio-retention").hasMessageContaining("assembly.max-utterance");
  }

  @Test
  void shouldNotAllowSampleRatesOutsideTheResamplersRange() {
    assertThatThrownBy(() -> AssemblyConfig.fromMap(Map.of(AssemblyConfig.MAX_SAMPLE_RATE, "96000")))
        .hasMessageContaining("48000");
  }
}
