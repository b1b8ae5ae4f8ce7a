package io.emostream.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.emostream.model.EmotionModel;
import io.emostream.model.batching.BatchingEmotionModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /metrics} in the Prometheus text format 0.0.4: the instance's Streams state, the
 * essential Kafka Streams metrics (every one with {@code ?streams=all}; see
 * {@link StreamsMetricsExport}), dead letters by reason, the model's batching statistics (when
 * the model is the shared {@link BatchingEmotionModel}), the end-to-end latency seen by the
 * event feed, and the number of event-stream clients.
 */
final class MetricsHandler implements HttpHandler {

  private final Supplier<KafkaStreams.State> state;
  private final Supplier<Map<MetricName, ? extends Metric>> streamsMetrics;
  private final EmotionModel model;
  private final FeedTap tap;
  private final EventFeed feed;
  private final IntSupplier openAlerts;

  /**
   * @param openAlerts alerts open on the calls this instance hosts, or -1 while its stores cannot
   *                   be queried
   */
  MetricsHandler(Supplier<KafkaStreams.State> state, Supplier<Map<MetricName, ? extends Metric>> streamsMetrics,
      EmotionModel model, FeedTap tap, EventFeed feed, IntSupplier openAlerts) {
    this.state = state;
    this.streamsMetrics = streamsMetrics;
    this.model = model;
    this.tap = tap;
    this.feed = feed;
    this.openAlerts = openAlerts;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Http.requireGet(exchange)) {
      return;
    }
    boolean all = "all".equals(Http.query(exchange).get("streams"));
    Http.send(exchange, 200, PrometheusWriter.CONTENT_TYPE, scrape(all).getBytes(StandardCharsets.UTF_8));
  }

  /** The default exposition text. */
  String scrape() {
    return scrape(false);
  }

  /** The whole exposition text, with every Kafka Streams metric when {@code allStreamsMetrics}. */
  String scrape(boolean allStreamsMetrics) {
    PrometheusWriter w = new PrometheusWriter();
    KafkaStreams.State now = state.get();
    w.family("emostream_streams_running", "gauge", "1 when Kafka Streams is RUNNING, else 0");
    w.sample("emostream_streams_running", Map.of(), now == KafkaStreams.State.RUNNING ? 1 : 0);
    w.family("emostream_streams_state", "gauge", "The Kafka Streams state (value 1 for the current one)");
    for (KafkaStreams.State s : KafkaStreams.State.values()) {
      w.sample("emostream_streams_state", Map.of("state", s.name()), s == now ? 1 : 0);
    }
    Map<MetricName, ? extends Metric> metrics = streamsMetrics.get();
    StreamsMetricsExport.writeDeadLetters(w, metrics);
    StreamsMetricsExport.writePartitionMismatches(w, metrics);
    ModelMetricsExport.write(w, model.info(), model instanceof BatchingEmotionModel b ? b.metrics() : null);
    tap.endToEnd().writeTo(w, "emostream_end_to_end_latency_seconds",
        "Transcript record time to the scored utterance being readable on the output topic (committed),"
            + " as the event feed's consumer sees it");
    tap.scoring().writeTo(w, "emostream_scoring_latency_seconds",
        "Transcript record time to the utterance being scored (scoredAt)");
    w.family("emostream_event_stream_clients", "gauge", "Clients connected to /api/stream");
    w.sample("emostream_event_stream_clients", Map.of(), feed.clientCount());
    w.family("emostream_open_alerts", "gauge", "Alerts open on the calls this instance hosts (absent while its"
        + " stores cannot be queried); sum over instances for the cluster");
    int open = openAlerts.getAsInt();
    if (open >= 0) {
      w.sample("emostream_open_alerts", Map.of(), open);
    }
    StreamsMetricsExport.write(w, metrics, allStreamsMetrics);
    return w.text();
  }
}
