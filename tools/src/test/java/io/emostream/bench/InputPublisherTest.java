package io.emostream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InputPublisherTest {

  @Test
  void shouldSpreadRealTimeCallStartsEvenlyOverTheRamp() {
    Random random = new Random(1);
    int calls = 100;
    long previous = -1;
    for (int i = 0; i < calls; i++) {
      long offset = InputPublisher.startOffsetMs(Pace.REALTIME, i, calls, random);
      assertThat(offset).as("call %d starts in its own 100 ms slot", i).isBetween(i * 100L, i * 100L + 100);
      assertThat(offset).isGreaterThanOrEqualTo(previous);
      previous = offset;
    }
  }

  @Test
  void shouldStartFastCallsWithinTheShortStagger() {
    Random random = new Random(2);
    for (int i = 0; i < 50; i++) {
      assertThat(InputPublisher.startOffsetMs(Pace.FAST, i, 50, random)).isBetween(0L, (long) InputPublisher.STAGGER_MS);
    }
  }
}
