package io.emostream.assembly;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoPartitioningCheckTest {

  @Test
  void shouldAcceptTopicsWithEqualPartitionCounts() {
    assertThatCode(() -> CoPartitioningCheck.verify(Map.of("calls.audio", 6, "calls.transcripts", 6, "calls.events", 6)))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseToStartWhenPartitionCountsDifferAndNameEachCount() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("calls.audio", 6);
    counts.put("calls.transcripts", 3);
    counts.put("calls.events", 6);
    assertThatThrownBy(() -> CoPartitioningCheck.verify(counts))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not co-partitioned")
        .hasMessageContaining("calls.audio has 6")
        .hasMessageContaining("calls.transcripts has 3");
  }

  @Test
  void shouldRefuseToStartWhenAnInputTopicIsMissing() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("calls.audio", 6);
    counts.put("calls.events", null);
    assertThatThrownBy(() -> CoPartitioningCheck.verify(counts))
        .hasMessageContaining("calls.events").hasMessageContaining("do not exist");
  }
}
