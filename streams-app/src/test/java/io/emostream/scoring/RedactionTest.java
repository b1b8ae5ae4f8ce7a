package io.emostream.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void shouldApplyEachMode() {
    assertThat(Redaction.apply(TextMode.FULL, "id 12345")).isEqualTo("id 12345");
    assertThat(Redaction.apply(TextMode.REDACTED, "id 12345")).isEqualTo("id #####");
    assertThat(Redaction.apply(TextMode.NONE, "id 12345")).isNull();
    assertThat(Redaction.apply(TextMode.REDACTED, null)).isNull();
  }
}
