package io.emostream.assembly;

import io.emostream.common.FeatureApi;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Start-up check that the input topics are co-partitioned. Kafka Streams only enforces
 * this for joins; the assembler reads three topics in one task and silently misses a
 * call's records if their partition counts differ, so the app refuses to start instead.
 */
@FeatureApi
public final class CoPartitioningCheck {

  private CoPartitioningCheck() {}

  /**
   * Verifies that every topic exists and all have the same partition count.
   *
   * @param partitionCounts topic name to partition count; null for a missing topic
   * @throws IllegalStateException naming each topic's count and the fix
   */
  public static void verify(Map<String, Integer> partitionCounts) {
    Map<String, Integer> missing = new TreeMap<>();
    partitionCounts.forEach((t, c) -> {
      if (c == null) {
        missing.put(t, null);
      }
    });
    if (!missing.isEmpty()) {
      throw new IllegalStateException("input topics " + missing.keySet() + " do not exist; create them "
          + "with the same partition count as the other inputs " + partitionCounts.keySet() + " before starting");
    }
    if (partitionCounts.values().stream().distinct().count() > 1) {
      StringBuilder counts = new StringBuilder();
      partitionCounts.forEach((t, c) -> counts.append(counts.length() == 0 ? "" : ", ").append(t)
          .append(" has ").append(c));
      throw new IllegalStateException("input topics are not co-partitioned: " + counts
          + " partitions. All keys are callIds and one task must see all of a call's audio, transcripts "
          + "and events, so the topics need the same partition count (and the producers the default "
          + "partitioner). Recreate or expand them to one count.");
    }
  }

  /**
   * Looks the topics up with {@code admin} and {@link #verify(Map)}s them.
   *
   * @return their common partition count
   */
  public static int verify(Admin admin, Collection<String> topics, Duration timeout) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String topic : topics) {
      counts.put(topic, partitionCount(admin, topic, timeout));
    }
    verify(counts);
    return counts.values().stream().findFirst().orElse(0);
  }

  private static Integer partitionCount(Admin admin, String topic, Duration timeout) {
    try {
      Map<String, TopicDescription> d = admin.describeTopics(List.of(topic)).allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return d.get(topic).partitions().size();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw new IllegalStateException("cannot describe topic " + topic + " to check co-partitioning: "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("describing topic " + topic + " took longer than " + timeout
          + "; is the cluster reachable?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking co-partitioning", e);
    }
  }
}
