package io.emostream.bench;

import io.emostream.app.StreamsSettings;
import io.emostream.topics.TopicNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

/**
 * Creates a scenario's fresh topics before the app does. The inputs and the scored-utterance
 * topic use {@code LogAppendTime}, so both ends of the latency measurement are the broker's own
 * clock at append, not producer or event times (Kafka Streams would otherwise copy the input's
 * timestamp onto the output). The app creates its remaining outputs itself.
 */
final class BenchTopics {

  private BenchTopics() {}

  /** Creates the inputs (and, when {@code withOutput}, the utterance topic) of {@code names}. */
  static void create(Admin admin, TopicNames names, int partitions, boolean withOutput) {
    List<String> topics = new ArrayList<>(names.inputs());
    if (withOutput) {
      topics.add(names.utterances());
    }
    List<NewTopic> wanted = new ArrayList<>();
    for (String topic : topics) {
      wanted.add(new NewTopic(topic, partitions, (short) 1).configs(Map.of(
          "message.timestamp.type", "LogAppendTime",
          "max.message.bytes", String.valueOf(StreamsSettings.MAX_RECORD_BYTES))));
    }
    try {
      admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating benchmark topics " + topics, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create benchmark topics " + topics + ": " + e.getMessage(), e);
    }
  }

  /** Every partition of {@code topics}, each having {@code partitions} partitions. */
  static List<TopicPartition> partitionsOf(List<String> topics, int partitions) {
    List<TopicPartition> out = new ArrayList<>();
    for (String topic : topics) {
      for (int p = 0; p < partitions; p++) {
        out.add(new TopicPartition(topic, p));
      }
    }
    return out;
  }
}
