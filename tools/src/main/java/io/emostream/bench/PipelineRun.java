package io.emostream.bench;

import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.model.EmotionModel;
import io.emostream.model.batching.BatchingEmotionModel;
import io.emostream.model.batching.BatchingSnapshot;
import io.emostream.topics.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs the app for one scenario on fresh topics and a fresh application id: starts it, waits
 * until it is RUNNING, publishes the input, reads the scored utterances as they commit, then
 * stops it and joins scored utterances to their final transcripts by append time.
 *
 * <p>The window for throughput runs from the broker's append of the first input record to its
 * append of the last scored utterance, so start-up is excluded and the app's whole path
 * (assembly, scoring, exactly-once commit) is included.
 */
final class PipelineRun {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final BenchEnvironment env;
  private final BenchSettings settings;
  private final BenchModel model;
  private final List<SyntheticCall> calls;
  private final Progress progress;

  PipelineRun(BenchEnvironment env, BenchSettings settings, BenchModel model, List<SyntheticCall> calls,
              Progress progress) {
    this.env = env;
    this.settings = settings;
    this.model = model;
    this.calls = calls;
    this.progress = progress;
  }

  /** Runs {@code scenario} with topic and app names under {@code prefix}. */
  ScenarioResult run(Scenario scenario, String prefix) {
    Map<String, String> config = appSettings(scenario, prefix);
    TopicNames names = TopicNames.from(config);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()))) {
      BenchTopics.create(admin, names, settings.partitions(), true);
    }
    InputPublisher publisher = new InputPublisher(env.bootstrapServers(), env.registryUrl());
    progress.update("serializing input");
    PreparedInput input = publisher.prepare(names, calls, settings.seed(), settings.pace());
    Set<String> expected = calls.stream()
        .flatMap(c -> c.lines().stream().map(l -> ScoredCollector.key(c.callId(), l.utteranceId())))
        .collect(Collectors.toSet());
    ScoredCollector collector = new ScoredCollector(env.bootstrapServers(), env.registryUrl());

    progress.update("starting the app");
    Map<String, ScoredCollector.Scored> scored;
    InputPublisher.Published published;
    ResourceSampler.Usage usage;
    BatchingSnapshot before;
    BatchingSnapshot after;
    long[] changelog;
    long deadLetters;
    try (EmostreamApp app = EmostreamApp.start(EmostreamConfig.of(config))) {
      awaitRunning(app);
      BatchingEmotionModel batcher = batcher(app.model());
      before = batcher.metrics();
      try (ResourceSampler sampler = ResourceSampler.start()) {
        CompletableFuture<InputPublisher.Published> publishing = CompletableFuture.supplyAsync(
            () -> publisher.publish(input, settings.pace(), sent -> { }), runnable -> {
              Thread thread = new Thread(runnable, "emostream-bench-publisher");
              thread.setDaemon(true);
              thread.start();
            });
        Duration timeout = Duration.ofMillis(
            (settings.pace() == Pace.REALTIME ? input.durationMs() : 0) + 60_000L + 1_000L * expected.size());
        scored = collector.collect(BenchTopics.partitionsOf(List.of(names.utterances()), settings.partitions()),
            expected, timeout, progress);
        usage = sampler.stop();
        published = publishing.join();
      }
      after = batcher.metrics();
      changelog = changelogSends(app.metrics());
      deadLetters = sends(app.metrics(), names.deadLetters()::equals)[0];
      progress.update("stopping the app");
    }
    Map<String, Long> transcripts = collector.transcriptAppendTimes(
        BenchTopics.partitionsOf(List.of(names.transcripts()), settings.partitions()), Duration.ofSeconds(30));
    return result(scenario, input, published, scored, transcripts, expected.size(), before, after, usage,
        changelog, deadLetters);
  }

  private Map<String, String> appSettings(Scenario scenario, String prefix) {
    Map<String, String> s = new HashMap<>();
    s.put(EmostreamConfig.BOOTSTRAP_SERVERS, env.bootstrapServers());
    s.put(EmostreamConfig.REGISTRY_URL, env.registryUrl());
    s.put(EmostreamConfig.APPLICATION_ID, prefix + "app");
    s.put(TopicNames.PREFIX_CONFIG, prefix);
    s.put(EmostreamConfig.TOPICS_CREATE, "true");
    s.put(EmostreamConfig.TOPICS_PARTITIONS, String.valueOf(settings.partitions()));
    s.put(EmostreamConfig.MODEL_LOCATION, model.location());
    s.put(EmostreamConfig.MODEL_DEVICE, "auto");
    s.put(EmostreamConfig.MODEL_THREADS, String.valueOf(settings.modelThreads()));
    s.put("state.dir", env.workDir().resolve("state-" + prefix).toString());
    // the REST/SSE server plays no part in the pipeline's figures, and a fixed port would clash between runs
    s.put("serving.enabled", "false");
    s.putAll(settings.appSettings());
    s.putAll(scenario.settings());
    return s;
  }

  private static void awaitRunning(EmostreamApp app) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (app.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || app.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("the app did not reach RUNNING within " + START_TIMEOUT.toSeconds()
            + " s (state " + app.state() + "); see the log for why");
      }
      try {
        TimeUnit.MILLISECONDS.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the app to start", e);
      }
    }
  }

  /**
   * Records and bytes the app's producers sent to changelog topics so far, from the producers'
   * per-topic metrics ({@code producer-topic-metrics}: {@code record-send-total}, {@code byte-total}).
   */
  static long[] changelogSends(Map<MetricName, ? extends Metric> metrics) {
    return sends(metrics, topic -> topic.endsWith("-changelog"));
  }

  /** Records and bytes the app's producers sent so far to the topics {@code topics} accepts. */
  static long[] sends(Map<MetricName, ? extends Metric> metrics, Predicate<String> topics) {
    long records = 0;
    long bytes = 0;
    for (var e : metrics.entrySet()) {
      MetricName name = e.getKey();
      String topic = name.tags().get("topic");
      if (!"producer-topic-metrics".equals(name.group()) || topic == null || !topics.test(topic)) {
        continue;
      }
      Object value = e.getValue().metricValue();
      long count = value instanceof Number n ? Math.round(n.doubleValue()) : 0;
      if (name.name().equals("record-send-total")) {
        records += count;
      } else if (name.name().equals("byte-total")) {
        bytes += count;
      }
    }
    return new long[] {records, bytes};
  }

  private static BatchingEmotionModel batcher(EmotionModel model) {
    if (model instanceof BatchingEmotionModel batching) {
      return batching;
    }
    throw new IllegalStateException("expected the app to score through the shared BatchingEmotionModel, got "
        + model.getClass().getName());
  }

  /** Width of one {@link ScenarioResult.Slice} of the latency timeline. */
  static final int SLICE_SECONDS = 10;

  /** Latency by {@link #SLICE_SECONDS} slice of final-transcript append time after {@code startMs}. */
  static List<ScenarioResult.Slice> timeline(Map<String, ScoredCollector.Scored> scored, Map<String, Long> transcripts,
                                             long startMs) {
    SortedMap<Integer, List<Long>> bySlice = new TreeMap<>();
    scored.forEach((key, s) -> {
      Long transcript = transcripts.get(key);
      if (transcript != null) {
        int slice = (int) (Math.max(0, transcript - startMs) / 1000 / SLICE_SECONDS) * SLICE_SECONDS;
        bySlice.computeIfAbsent(slice, k -> new java.util.ArrayList<>()).add(s.appendMs() - transcript);
      }
    });
    return bySlice.entrySet().stream().map(e -> new ScenarioResult.Slice(e.getKey(),
        ScenarioResult.Latency.of(e.getValue().stream().mapToLong(Long::longValue).toArray()))).toList();
  }

  private static ScenarioResult result(Scenario scenario, PreparedInput input, InputPublisher.Published published,
                                       Map<String, ScoredCollector.Scored> scored, Map<String, Long> transcripts,
                                       int expected, BatchingSnapshot before, BatchingSnapshot after,
                                       ResourceSampler.Usage usage, long[] changelog, long deadLetters) {
    long lastScored = scored.values().stream().mapToLong(ScoredCollector.Scored::appendMs).max()
        .orElse(published.lastAppendMs());
    double window = Math.max(0.001, (lastScored - published.firstAppendMs()) / 1000.0);
    long[] latencies = scored.entrySet().stream()
        .filter(e -> transcripts.containsKey(e.getKey()))
        .mapToLong(e -> e.getValue().appendMs() - transcripts.get(e.getKey()))
        .toArray();
    long[] late = scored.entrySet().stream()
        .filter(e -> transcripts.containsKey(e.getKey()))
        .sorted(java.util.Comparator.comparingLong(e -> transcripts.get(e.getKey())))
        .skip(2L * latencies.length / 3)
        .mapToLong(e -> e.getValue().appendMs() - transcripts.get(e.getKey()))
        .toArray();
    double audio = scored.values().stream().mapToDouble(ScoredCollector.Scored::audioSeconds).sum();
    SortedMap<Integer, Long> scorerBatches = new TreeMap<>(scored.values().stream()
        .collect(Collectors.groupingBy(ScoredCollector.Scored::scorerBatchSize, Collectors.counting())));
    long[] beforeSizes = before.batchSizeCounts();
    long[] afterSizes = after.batchSizeCounts();
    SortedMap<Integer, Long> modelBatches = new TreeMap<>();
    for (int size = 1; size < afterSizes.length; size++) {
      long count = afterSizes[size] - (size < beforeSizes.length ? beforeSizes[size] : 0);
      if (count > 0) {
        modelBatches.put(size, count);
      }
    }
    long batches = after.batches() - before.batches();
    long utterances = after.utterances() - before.utterances();
    double modelMillis = after.meanModelMillis() * after.batches() - before.meanModelMillis() * before.batches();
    var figures = new ScenarioResult.PipelineFigures(expected, scored.size(), scored.size() == expected,
        scored.size() / window, audio / window, ScenarioResult.Latency.of(latencies), modelBatches,
        batches == 0 ? 0 : (double) utterances / batches, batches == 0 ? 0 : modelMillis / batches, scorerBatches,
        ScenarioResult.Latency.of(late),
        ScenarioResult.ChangelogWrites.of(changelog[0], changelog[1], input.records().size()),
        timeline(scored, transcripts, published.firstAppendMs()), deadLetters);
    return new ScenarioResult(scenario.name(), scenario.description(), scenario.streamThreads(), scenario.maxBatch(),
        ScenarioResult.Throughput.of(input.records().size(), input.bytes(), window), figures, usage);
  }
}
