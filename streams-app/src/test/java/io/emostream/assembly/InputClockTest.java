package io.emostream.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputClockTest {

  @Test
  void shouldReachATimeOnceARecordAtOrAfterItWasRead() {
    InputClock clock = new InputClock(0);
    clock.saw(900, 10);

    assertThat(clock.reached(1_000, 20, 5_000)).isFalse();
    clock.saw(1_000, 30);
    assertThat(clock.reached(1_000, 40, 5_000)).isTrue();
  }

  @Test
  void shouldKeepItsNewestTimeWhenAnOlderRecordFollows() {
    InputClock clock = new InputClock(0);
    clock.saw(2_000, 10);
    clock.saw(1_500, 20);

    assertThat(clock.reached(1_800, 30, 5_000)).isTrue();
  }

  @Test
  void shouldCountAQuietTopicAsReadUpToAnyTimeButNotABusyOne() {
    InputClock clock = new InputClock(0);
    assertThat(clock.reached(Long.MAX_VALUE, 4_999, 5_000)).as("fresh: not quiet long enough yet").isFalse();
    assertThat(clock.reached(Long.MAX_VALUE, 5_000, 5_000)).isTrue();

    clock.saw(100, 6_000);
    assertThat(clock.reached(Long.MAX_VALUE, 10_000, 5_000)).as("a record 4 s ago").isFalse();
  }
}
