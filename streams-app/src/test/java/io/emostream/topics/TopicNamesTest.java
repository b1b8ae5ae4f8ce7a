package io.emostream.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

  @Test
  void shouldUseTheArchitectureNamesByDefault() {
    TopicNames names = TopicNames.defaults();
    assertThat(names.inputs()).containsExactly("calls.audio", "calls.transcripts", "calls.events");
    assertThat(names.deadLetters()).isEqualTo("emotion.dead-letters");
    assertThat(names.summaries()).isEqualTo("emotion.call-summaries");
  }

  @Test
  void shouldPrefixEveryNameButTakeOverridesAsGiven() {
    TopicNames names = TopicNames.from(Map.of("topics.prefix", "acme.", "topics.calls.audio", "pbx.audio"));
    assertThat(names.audio()).isEqualTo("pbx.audio");
    assertThat(names.transcripts()).isEqualTo("acme.calls.transcripts");
    assertThat(names.alerts()).isEqualTo("acme.emotion.alerts");
  }

  @Test
  void shouldRejectIllegalTopicNamesAndSayWhatIsAllowed() {
    assertThatThrownBy(() -> TopicNames.from(Map.of("topics.emotion.alerts", "bad name!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad name!'")
        .hasMessageContaining("1-249 characters");
  }

  @Test
  void shouldMapLogicalToActualNames() {
    assertThat(TopicNames.from(Map.of("topics.prefix", "x.")).asMap())
        .containsEntry("calls.events", "x.calls.events")
        .hasSize(10);
  }
}
