package io.emostream.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AlertStatus;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.UtteranceSource;
import io.emostream.topics.TopicNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a run published for a set of calls, read back with {@code read_committed} (what a
 * downstream consumer sees), and the exactly-once checks every fault test applies to it.
 *
 * @param utterances every scored utterance on {@code emotion.utterances}
 * @param summaries  every call summary
 * @param alerts     every alert event
 */
public record CallOutputs(List<ScoredUtterance> utterances, List<CallEmotionSummary> summaries,
                          List<EmotionAlert> alerts) {

  /**
   * Reads the outputs until every call has its summary and every line is scored (or
   * {@code timeout} passes), then a few more seconds to catch duplicates that come late.
   */
  public static CallOutputs read(TopicIO io, TopicNames names, List<ScriptedCall> calls, Duration timeout) {
    int lines = CallTraffic.lineCount(calls);
    List<ScoredUtterance> utterances = io.readCommitted(names.utterances(),
        v -> v.size() >= lines, timeout, Duration.ofSeconds(3));
    List<CallEmotionSummary> summaries = io.readCommitted(names.summaries(),
        v -> v.size() >= calls.size(), timeout, Duration.ofSeconds(2));
    // alerts of a call are committed no later than its summary, so a short read finds them all
    List<EmotionAlert> alerts = io.readCommitted(names.alerts(), v -> true, Duration.ZERO, Duration.ofSeconds(2));
    return new CallOutputs(utterances, summaries, alerts);
  }

  /**
   * Every final transcript of every call scored exactly once, no utterance id twice, one summary
   * per call counting exactly the call's scored utterances, and alerts that form clean episodes.
   */
  public void assertExactlyOnce(List<ScriptedCall> calls) {
    Map<String, List<String>> transcriptIds = utterances.stream()
        .filter(u -> u.getSource() == UtteranceSource.TRANSCRIPT)
        .collect(Collectors.groupingBy(ScoredUtterance::getCallId,
            Collectors.mapping(ScoredUtterance::getUtteranceId, Collectors.toList())));
    for (ScriptedCall call : calls) {
      assertThat(transcriptIds.getOrDefault(call.callId(), List.of()))
          .as("scored final transcripts of %s (each exactly once)", call.callId())
          .containsExactlyInAnyOrderElementsOf(call.utteranceIds());
    }
    assertThat(utterances).extracting(u -> u.getCallId() + "/" + u.getUtteranceId())
        .as("no utterance scored twice").doesNotHaveDuplicates();

    Map<String, Long> scoredPerCall = utterances.stream()
        .collect(Collectors.groupingBy(ScoredUtterance::getCallId, Collectors.counting()));
    assertThat(summaries).extracting(CallEmotionSummary::getCallId).as("one summary per ended call")
        .containsExactlyInAnyOrderElementsOf(calls.stream().map(ScriptedCall::callId).toList());
    for (CallEmotionSummary summary : summaries) {
      assertThat(summary.getUtteranceCount()).as("utterances in the summary of %s", summary.getCallId())
          .isEqualTo(scoredPerCall.getOrDefault(summary.getCallId(), 0L));
    }
    assertConsistentAlerts();
  }

  /**
   * Each alert id has exactly one OPENED and at most one RESOLVED after it, and each summary
   * counts its call's OPENED alerts. A random-weight model may or may not raise alerts, so this
   * checks consistency, not presence.
   */
  public void assertConsistentAlerts() {
    Map<String, List<EmotionAlert>> episodes = alerts.stream()
        .collect(Collectors.groupingBy(EmotionAlert::getAlertId));
    episodes.forEach((id, events) -> {
      List<AlertStatus> statuses = events.stream().map(EmotionAlert::getStatus).toList();
      assertThat(statuses).as("events of alert %s", id).isIn(List.of(AlertStatus.OPENED),
          List.of(AlertStatus.OPENED, AlertStatus.RESOLVED));
    });
    Map<String, Long> openedPerCall = alerts.stream().filter(a -> a.getStatus() == AlertStatus.OPENED)
        .collect(Collectors.groupingBy(EmotionAlert::getCallId, Collectors.counting()));
    for (CallEmotionSummary summary : summaries) {
      assertThat((long) summary.getAlertCount()).as("alert count in the summary of %s", summary.getCallId())
          .isEqualTo(openedPerCall.getOrDefault(summary.getCallId(), 0L));
    }
  }

  /** The scored utterances by {@code callId/utteranceId}. */
  public Map<String, ScoredUtterance> utterancesById() {
    return utterances.stream().collect(Collectors.toMap(u -> u.getCallId() + "/" + u.getUtteranceId(),
        Function.identity(), (a, b) -> a));
  }

  /** Counts for a log line: utterances, summaries, OPENED and RESOLVED alerts. */
  public String describe() {
    long opened = alerts.stream().filter(a -> a.getStatus() == AlertStatus.OPENED).count();
    return utterances.size() + " utterances, " + summaries.size() + " summaries, " + opened + " alerts opened, "
        + (alerts.size() - opened) + " resolved";
  }
}
