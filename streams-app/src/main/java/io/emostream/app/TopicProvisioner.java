package io.emostream.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates emostream's input and output topics when {@code topics.create=true}: the same
 * partition count for all (inputs must be co-partitioned, and outputs keyed by call follow
 * them), the configured replication factor, and room for large audio records. Existing topics
 * are left untouched.
 */
final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  static void createMissing(Admin admin, List<String> topics, int partitions, short replication) {
    List<NewTopic> wanted = new ArrayList<>();
    for (String name : topics) {
      NewTopic topic = replication > 0
          ? new NewTopic(name, partitions, replication)
          : new NewTopic(name, java.util.Optional.of(partitions), java.util.Optional.empty());
      wanted.add(topic.configs(Map.of("max.message.bytes", String.valueOf(StreamsSettings.MAX_RECORD_BYTES))));
    }
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      wanted.removeIf(t -> existing.contains(t.name()));
      if (wanted.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(wanted).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          LOG.info("Created topic {} with {} partitions", entry.getKey(), partitions);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Could not create topic " + entry.getKey() + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        }
      }
      awaitVisible(admin, wanted.stream().map(NewTopic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not list or create topics " + topics + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the broker answers metadata for every created topic: creation completes on the
   * controller first, and a describe right after it (the co-partitioning check) can still miss
   * the new topic on a broker whose metadata cache lags.
   */
  private static void awaitVisible(Admin admin, List<String> names) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Created topics " + names + " but the broker does not report them after 30 s: "
              + e.getMessage(), e);
        }
        Thread.sleep(100);
      }
    }
  }
}
