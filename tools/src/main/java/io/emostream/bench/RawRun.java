package io.emostream.bench;

import io.emostream.topics.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Runs a baseline: publishes the same input to fresh topics (always as fast as possible, since the
 * point is a ceiling), then times one plain consumer reading it all from the beginning, three times,
 * keeping the median; or the {@link StreamsFloor} processing it once.
 */
final class RawRun {

  /** The input is small enough to read in well under a second: the median of three reads is steadier. */
  private static final int READS = 3;

  private final BenchEnvironment env;
  private final BenchSettings settings;
  private final List<SyntheticCall> calls;
  private final Progress progress;

  RawRun(BenchEnvironment env, BenchSettings settings, List<SyntheticCall> calls, Progress progress) {
    this.env = env;
    this.settings = settings;
    this.calls = calls;
    this.progress = progress;
  }

  ScenarioResult run(Scenario scenario, String prefix) {
    TopicNames names = TopicNames.from(Map.of(TopicNames.PREFIX_CONFIG, prefix));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()))) {
      BenchTopics.create(admin, names, settings.partitions(), false);
    }
    InputPublisher publisher = new InputPublisher(env.bootstrapServers(), env.registryUrl());
    progress.update("serializing input");
    PreparedInput input = publisher.prepare(names, calls, settings.seed());
    long total = input.records().size();
    publisher.publish(input, Pace.FAST, sent -> progress.update("publishing " + sent + "/" + total + " records"));
    if (!scenario.name().equals(Scenario.RAW)) {
      StreamsFloor.Run floor = StreamsFloor.run(env, settings, names, prefix, total,
          scenario.name().equals(Scenario.FLOOR_STORE), progress);
      return result(scenario, floor.reading(), floor.usage());
    }
    List<RawConsumerBaseline.Reading> readings = new ArrayList<>();
    ResourceSampler.Usage usage;
    try (ResourceSampler sampler = ResourceSampler.start()) {
      for (int i = 0; i < READS; i++) {
        readings.add(RawConsumerBaseline.read(env.bootstrapServers(),
            BenchTopics.partitionsOf(names.inputs(), settings.partitions()), total, Duration.ofSeconds(120),
            progress));
      }
      usage = sampler.stop();
    }
    readings.sort(Comparator.comparingDouble(RawConsumerBaseline.Reading::seconds));
    return result(scenario, readings.get(READS / 2), usage);
  }

  private static ScenarioResult result(Scenario scenario, RawConsumerBaseline.Reading reading,
                                       ResourceSampler.Usage usage) {
    return new ScenarioResult(scenario.name(), scenario.description(), scenario.streamThreads(), 0,
        ScenarioResult.Throughput.of(reading.records(), reading.bytes(), reading.seconds()), null, usage);
  }
}
