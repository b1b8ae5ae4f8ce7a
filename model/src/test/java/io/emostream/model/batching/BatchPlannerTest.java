package io.emostream.model.batching;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.UtteranceInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

  private static PendingUtterance waiting(String id, int samples, long enqueued) {
    return new PendingUtterance(new PendingRequest(1), 0, new UtteranceInput(id, new float[samples], null), enqueued);
  }

  private static List<String> ids(List<PendingUtterance> batch) {
    return batch.stream().map(u -> u.input().id()).toList();
  }

  @Test
  void shouldTakeTheTightestLengthRunThatContainsTheOldestUtterance() {
    List<PendingUtterance> pending = new ArrayList<>(List.of(
        waiting("old-mid", 80_000, 1), waiting("tiny", 1_000, 2), waiting("mid-a", 78_000, 3),
        waiting("mid-b", 82_000, 4), waiting("huge", 160_000, 5), waiting("small", 10_000, 6)));

    List<PendingUtterance> batch = BatchPlanner.take(pending, 3);

    assertThat(ids(batch)).containsExactly("mid-a", "old-mid", "mid-b");
    assertThat(ids(pending)).containsExactly("tiny", "huge", "small");
  }

  @Test
  void shouldNeverLeaveTheOldestUtteranceBehindEvenWhenItIsAnOutlier() {
    List<PendingUtterance> pending = new ArrayList<>(List.of(
        waiting("old-huge", 160_000, 1), waiting("s1", 1_000, 2), waiting("s2", 1_100, 3),
        waiting("s3", 1_200, 4), waiting("s4", 1_300, 5)));

    List<PendingUtterance> batch = BatchPlanner.take(pending, 2);

    assertThat(ids(batch)).contains("old-huge").hasSize(2);
    assertThat(pending).hasSize(3);
  }

  @Test
  void shouldTakeEverythingSortedByLengthWhenAtMostOneBatchWaits() {
    List<PendingUtterance> pending = new ArrayList<>(List.of(
        waiting("b", 20_000, 1), waiting("a", 10_000, 2)));

    assertThat(ids(BatchPlanner.take(pending, 8))).containsExactly("a", "b");
    assertThat(pending).isEmpty();
  }
}
