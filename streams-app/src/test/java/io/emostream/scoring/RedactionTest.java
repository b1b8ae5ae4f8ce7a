package io.emostream.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void shouldMaskCardNumbersWrittenWithSpacesOrDashes() {
    assertThat(Redaction.maskDigitRuns("card 4111 1111 1111 1111")).isEqualTo("card #### #### #### ####");
    assertThat(Redaction.maskDigitRuns("card 4111-1111-1111-1111.")).isEqualTo("card ####-####-####-####.");
  }

  @Test
  void shouldMaskAccountNumbersOfFourOrMoreDigits() {
    assertThat(Redaction.maskDigitRuns("account 00123456, pin 1234")).isEqualTo("account ########, pin ####");
  }

  @Test
  void shouldKeepShortNumbers() {
    assertThat(Redaction.maskDigitRuns("3 items for 20 dollars at 9 15")).isEqualTo("3 items for 20 dollars at 9 15");
  }

  @Test
  void shouldKeepNullAndApplyEachMode() {
    assertThat(Redaction.maskDigitRuns(null)).isNull();
    assertThat(Redaction.apply(TextMode.FULL, "id 12345")).isEqualTo("id 12345");
    assertThat(Redaction.apply(TextMode.REDACTED, "id 12345")).isEqualTo("id #####");
    assertThat(Redaction.apply(TextMode.NONE, "id 12345")).isNull();
  }
}
