package io.emostream.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptRedactorTest {

  @Test
  void shouldTagLuhnValidCardNumbersWrittenOrSpoken() {
    assertThat(TranscriptRedactor.redact("card 4111 1111-1111 1111.")).isEqualTo("card [card].");
    assertThat(TranscriptRedactor.redact("it's four one one one one one one one one one one one one one one one"))
        .isEqualTo("it's [card]");
  }

  @Test
  void shouldMaskDigitByDigitWhenANumberIsNotACard() {
    assertThat(TranscriptRedactor.redact("card 4111 1111-1111 1112")).isEqualTo("card #### ####-#### ####");
    assertThat(TranscriptRedactor.redact("account 00123456, pin 1234")).isEqualTo("account ########, pin ####");
  }

  @Test
  void shouldCountSpokenDigitsDoublesOhsAndTens() {
    assertThat(TranscriptRedactor.redact("it's nine one three six")).isEqualTo("it's # # # #");
    assertThat(TranscriptRedactor.redact("double five oh seven")).isEqualTo("## # #");
    assertThat(TranscriptRedactor.redact("the pin is forty seven nineteen")).isEqualTo("the pin is ## ##");
    assertThat(TranscriptRedactor.redact("account 4111 one one one")).isEqualTo("account #### # # #");
  }

  @Test
  void shouldKeepNumbersOfUpToThreeDigitsAndClockTimes() {
    assertThat(TranscriptRedactor.redact("3 items for 20 dollars at 9 15")).isEqualTo("3 items for 20 dollars at 9 15");
    assertThat(TranscriptRedactor.redact("eighty five dollars in three to five days")).isEqualTo("eighty five dollars in three to five days");
    assertThat(TranscriptRedactor.redact("call me at ten fifteen")).isEqualTo("call me at ten fifteen");
    assertThat(TranscriptRedactor.redact("oh no, two weeks")).isEqualTo("oh no, two weeks");
  }

  @Test
  void shouldMaskPhoneNumbersInTheirUsualShapes() {
    assertThat(TranscriptRedactor.redact("call (555) 123-4567")).isEqualTo("call (###) ###-####");
    assertThat(TranscriptRedactor.redact("+44 20 7946 0958")).isEqualTo("+## ## #### ####");
  }

  @Test
  void shouldMaskEmailAddressesWrittenOrSpokenButNotTheWordAt() {
    assertThat(TranscriptRedactor.redact("mail john.smith@example.com now")).isEqualTo("mail [email] now");
    assertThat(TranscriptRedactor.redact("it's john dot smith at example dot com thanks"))
        .isEqualTo("it's [email] thanks");
    assertThat(TranscriptRedactor.redact("i'm at home, see you at the office"))
        .isEqualTo("i'm at home, see you at the office");
  }

  @Test
  void shouldKeepNamesWhichItDoesNotClaimToRemove() {
    assertThat(TranscriptRedactor.redact("my name is grace hopper")).isEqualTo("my name is grace hopper");
  }

  @Test
  void shouldKeepNullAndEmpty() {
    assertThat(TranscriptRedactor.redact(null)).isNull();
    assertThat(TranscriptRedactor.redact("")).isEmpty();
  }
}
