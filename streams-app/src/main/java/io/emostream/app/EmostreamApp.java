package io.emostream.app;

import io.emostream.assembly.CoPartitioningCheck;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import io.emostream.config.EmostreamSettings;
import io.emostream.config.TopicKeys;
import io.emostream.deadletters.DeadLetterCounter;
import io.emostream.deadletters.DeadLetters;
import io.emostream.model.EmotionModel;
import io.emostream.model.batching.BatchingEmotionModel;
import io.emostream.schemas.registry.SchemaRegistryClient;
import io.emostream.serving.ServedApp;
import io.emostream.serving.ServingConfig;
import io.emostream.serving.ServingServer;
import io.emostream.topics.Topic;
import io.emostream.topics.TopicNames;
import io.emostream.topology.AppTopics;
import io.emostream.topology.EmostreamTopology;
import io.emostream.topology.FeatureSettings;
import io.emostream.validation.KeyPartitionCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running emostream instance: checks its topics, builds the topology around the shared
 * model, and runs Kafka Streams until {@link #close()}.
 *
 * <p>Configuration problems (a missing key, topics that are not co-partitioned, a model that
 * cannot load) fail {@link #start} with a message that names the problem, before any record
 * is read. Once running, an unexpected error replaces the failing stream thread rather than
 * stopping the instance; the state is visible through {@link #state()}.
 */
public final class EmostreamApp implements ServedApp, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmostreamApp.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final EmotionModel model;
  private final boolean ownsModel;
  /** The model the caller gave; {@link #model} is a batcher in front of it unless it was one already. */
  private final EmotionModel given;
  private final SerdeFactory serdes;
  private final AppTopics topics;
  private final ServingServer serving;
  private final int inputPartitions;
  private final DeadLetterCounter handlerDeadLetters;

  private EmostreamApp(KafkaStreams streams, EmotionModel model, EmotionModel given, boolean ownsModel,
                       SerdeFactory serdes, AppTopics topics, ServingServer serving, int inputPartitions,
                       DeadLetterCounter handlerDeadLetters) {
    this.streams = streams;
    this.model = model;
    this.given = given;
    this.ownsModel = ownsModel;
    this.serdes = serdes;
    this.topics = topics;
    this.serving = serving;
    this.inputPartitions = inputPartitions;
    this.handlerDeadLetters = handlerDeadLetters;
  }

  /** Starts an instance with the model and registry named by {@code config}. */
  public static EmostreamApp start(EmostreamConfig config) {
    EmotionModel model = ModelLoader.load(config);
    try {
      return start(config, model, true, null);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Starts an instance around an already loaded {@code model} (closed with the app when
   * {@code ownsModel}) and, when not null, a given registry client.
   */
  public static EmostreamApp start(EmostreamConfig config, EmotionModel model, boolean ownsModel,
                                   SchemaRegistryClient registry) {
    config.required(EmostreamConfig.BOOTSTRAP_SERVERS);
    EmostreamSettings settings = config.settings();
    FeatureSettings features = FeatureSettings.from(settings);
    TopicNames names = TopicNames.from(config.asMap());
    int inputPartitions = prepareTopics(config, settings, names);

    // the scorer never waits for the model: a plain model gets the shared batcher in front of it
    EmotionModel given = model;
    EmotionModel scoring = model instanceof BatchingEmotionModel
        ? model : BatchingEmotionModel.borrowing(model, features.scoring().batching());
    ServingConfig servingConfig = ServingConfig.from(settings, config.streamsProperties());
    SerdeFactory serdes = new SerdeFactory(config, registry);
    ServingServer serving = null;
    try {
      // bound before Streams starts: application.server must name the port actually bound
      serving = servingConfig.enabled() ? ServingServer.bind(servingConfig) : null;
      AppTopics topics = AppTopics.create(names, serdes);
      Topology topology = EmostreamTopology.build(topics, scoring, features);
      Properties props = StreamsSettings.from(config, names.deadLetters());
      // passed through to the processors, which check that producers partition by callId as Java does
      props.put(KeyPartitionCheck.PARTITIONS_CONFIG, inputPartitions);
      // Kafka Streams' exception handlers count their dead letters here (they get no metrics registry)
      DeadLetterCounter handlerDeadLetters = new DeadLetterCounter();
      props.put(DeadLetterCounter.CONFIG, handlerDeadLetters);
      if (serving != null) {
        props.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, serving.advertised());
      }
      KafkaStreams streams = new KafkaStreams(topology, props);
      streams.setUncaughtExceptionHandler(e -> {
        LOG.error("Stream thread failed; replacing it", e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      });
      streams.setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
      LOG.info("Starting emostream (application.id={}, {} stream thread(s), {}) reading {}",
          props.get("application.id"), props.get("num.stream.threads"), props.get("processing.guarantee"),
          names.inputs());
      streams.start();
      EmostreamApp app = new EmostreamApp(streams, scoring, given, ownsModel, serdes, topics, serving,
          inputPartitions, handlerDeadLetters);
      if (serving != null) {
        try {
          serving.start(app, props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
        } catch (RuntimeException e) {
          streams.close(Duration.ofSeconds(60));
          throw e;
        }
      }
      return app;
    } catch (RuntimeException e) {
      if (scoring != given) {
        scoring.close();
      }
      serdes.close();
      if (serving != null) {
        serving.close();
      }
      throw e;
    }
  }

  /** Creates missing topics when configured and checks co-partitioning; returns the input partition count. */
  private static int prepareTopics(EmostreamConfig config, EmostreamSettings settings, TopicNames names) {
    Properties adminProps = config.streamsProperties();
    adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(adminProps)) {
      if (settings.getBoolean(TopicKeys.CREATE_CONFIG)) {
        List<String> all = new ArrayList<>(names.inputs());
        all.addAll(names.outputs());
        TopicProvisioner.createMissing(admin, all, settings.getInt(TopicKeys.PARTITIONS_CONFIG),
            settings.getInt(TopicKeys.REPLICATION_CONFIG).shortValue());
      }
      return CoPartitioningCheck.verify(admin, names.inputs(), ADMIN_TIMEOUT);
    }
  }

  /** The running Streams instance (for interactive queries and metrics). */
  @Override
  public KafkaStreams streams() {
    return streams;
  }

  /**
   * Kafka Streams' metrics plus the dead letters counted by its exception handlers, which share the
   * dead-letter metric's group and name (see {@link DeadLetterCounter}).
   */
  @Override
  public Map<MetricName, ? extends Metric> metrics() {
    Map<MetricName, Metric> all = new HashMap<>(streams.metrics());
    all.putAll(handlerDeadLetters.metrics());
    return all;
  }

  /** The topics with their serdes. */
  public AppTopics topics() {
    return topics;
  }

  @Override
  public Topic<String, ScoredUtterance> utterances() {
    return topics.outputs().utterances();
  }

  @Override
  public Topic<String, EmotionAlert> alerts() {
    return topics.outputs().alerts();
  }

  /** The partition count of the input topics (and of every store the API reads). */
  @Override
  public int inputPartitions() {
    return inputPartitions;
  }

  /** The model this instance scores with. */
  @Override
  public EmotionModel model() {
    return model;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The port the REST API and dashboard listen on, or empty when {@code serving.enabled=false}. */
  public OptionalInt servingPort() {
    return serving == null ? OptionalInt.empty() : OptionalInt.of(serving.port());
  }

  /**
   * What this instance has done, for the final log line: utterances scored by the model (when it
   * is the shared batcher), records dead-lettered and the Streams state.
   */
  public String describeWork() {
    String scored = model instanceof BatchingEmotionModel b ? b.metrics().utterances() + " utterances scored, "
        : "";
    double deadLetters = metrics().entrySet().stream()
        .filter(e -> e.getKey().group().equals("stream-" + DeadLetters.METRIC_SCOPE + "-metrics")
            && e.getKey().name().equals(DeadLetters.METRIC_OPERATION + "-total")
            && e.getValue().metricValue() instanceof Number)
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    return scored + (long) deadLetters + " dead letters, Kafka Streams " + streams.state();
  }

  /** Stops processing (committing what is done), then releases the model and registry client. */
  @Override
  public void close() {
    LOG.info("Stopping emostream");
    if (serving != null) {
      serving.close();
    }
    streams.close(Duration.ofSeconds(60));
    serdes.close();
    if (model != given) {
      model.close(); // the batcher this app put in front of the given model; leaves that open
    }
    if (ownsModel) {
      given.close();
    }
  }
}
