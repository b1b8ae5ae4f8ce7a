package io.emostream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class PipelineRunTest {

  @Test
  void shouldSumWhatTheProducersSentToChangelogTopicsOnly() {
    Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    put(metrics, "record-send-total", "app-audio-changelog", 120);
    put(metrics, "byte-total", "app-audio-changelog", 50_000);
    put(metrics, "record-send-total", "app-calls-changelog", 30);
    put(metrics, "byte-total", "app-calls-changelog", 3_000);
    put(metrics, "record-send-total", "emotion.utterances", 999); // output, not a changelog
    metrics.put(new MetricName("record-send-total", "producer-metrics", "", Map.of()), metric(7)); // no topic

    long[] sent = PipelineRun.changelogSends(metrics);

    assertThat(sent).containsExactly(150, 53_000);
    assertThat(ScenarioResult.ChangelogWrites.of(sent[0], sent[1], 300).perInputRecord()).isEqualTo(0.5);
  }

  @Test
  void shouldCountWhatTheAppDeadLetteredFromItsProducersMetrics() {
    Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    put(metrics, "record-send-total", "bench.emotion.dead-letters", 12);
    put(metrics, "record-send-total", "app-audio-changelog", 120);

    assertThat(PipelineRun.sends(metrics, "bench.emotion.dead-letters"::equals)[0]).isEqualTo(12);
    assertThat(PipelineRun.sends(metrics, "other.emotion.dead-letters"::equals)[0]).isZero();
  }

  @Test
  void shouldSliceLatencyByTranscriptTimeSoAWarmUpOrABacklogShows() {
    Map<String, ScoredCollector.Scored> scored = new LinkedHashMap<>();
    Map<String, Long> transcripts = new LinkedHashMap<>();
    long start = 1_000_000;
    add(scored, transcripts, "a", start + 2_000, 3_000); // first slice: 3 s behind (a cold start)
    add(scored, transcripts, "b", start + 9_999, 1_000);
    add(scored, transcripts, "c", start + 25_000, 200); // third slice; the second has none
    add(scored, transcripts, "d", start + 26_000, 400);
    scored.put("e", new ScoredCollector.Scored(start + 30_000, 1, 1)); // no transcript time: left out

    var timeline = PipelineRun.timeline(scored, transcripts, start);

    assertThat(timeline).extracting(ScenarioResult.Slice::fromSecond).containsExactly(0, 20);
    assertThat(timeline.get(0).latency().samples()).isEqualTo(2);
    assertThat(timeline.get(0).latency().p99Ms()).isEqualTo(3_000);
    assertThat(timeline.get(1).latency().p99Ms()).isEqualTo(400);
    assertThat(BenchReport.p99s(timeline)).isEqualTo("3000, 400");
  }

  private static void add(Map<String, ScoredCollector.Scored> scored, Map<String, Long> transcripts, String key,
                          long transcriptMs, long latencyMs) {
    transcripts.put(key, transcriptMs);
    scored.put(key, new ScoredCollector.Scored(transcriptMs + latencyMs, 1, 1));
  }

  private static void put(Map<MetricName, Metric> metrics, String name, String topic, double value) {
    metrics.put(new MetricName(name, "producer-topic-metrics", "", Map.of("client-id", "p", "topic", topic)),
        metric(value));
  }

  private static Metric metric(double value) {
    return new Metric() {
      @Override
      public MetricName metricName() {
        return null;
      }

      @Override
      public Object metricValue() {
        return value;
      }
    };
  }
}
