package io.emostream.serving;

import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.common.FeatureApi;
import io.emostream.model.EmotionModel;
import io.emostream.topics.Topic;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the serving layer needs of the running application, and nothing more: the Streams
 * instance to query, the metrics to export, the model to describe and the topics the event feed
 * reads. The application implements it, so serving depends on this interface and not on the
 * application class (which depends on serving to start it).
 */
@FeatureApi
public interface ServedApp {

  /** The running Streams instance (interactive queries, state, metadata). */
  KafkaStreams streams();

  /** Every metric {@code /metrics} exports (Kafka Streams' and the app's own). */
  Map<MetricName, ? extends Metric> metrics();

  /** The model the instance scores with. */
  EmotionModel model();

  /** The partition count of the input topics, and so of every store the API reads. */
  int inputPartitions();

  /** {@code emotion.utterances}, for the event feed. */
  Topic<String, ScoredUtterance> utterances();

  /** {@code emotion.alerts}, for the event feed. */
  Topic<String, EmotionAlert> alerts();
}
