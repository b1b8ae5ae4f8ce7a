package io.emostream.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster in this JVM: one KRaft server with the broker and
 * controller roles, listening on 127.0.0.1 only, with its logs in a temporary directory.
 *
 * <p>It is what the demo runs on and what every integration test talks to. Replication
 * factors and minimum in-sync replicas of the internal topics (offsets, transactions, share
 * state) are 1, so transactions and exactly-once processing work on one node. Topics are not
 * created automatically: {@link #createTopics} creates them with the partition count the
 * caller wants, as an operator would.
 *
 * <p>Instances are thread-safe to read from; {@link #close()} shuts the server down and
 * deletes its directory. For fault tests, {@link #stopKeepingData()} and {@link #restart()}
 * take the broker down and bring it back on the same ports with the same log directory, as a
 * restarted production broker would come back.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path logDir;
  private final Properties props;
  private final String bootstrapServers;
  /** The running server; null while stopped by {@link #stopKeepingData()}. Guarded by this. */
  private KafkaRaftServer server;

  private EmbeddedKafka(Path logDir, Properties props, KafkaRaftServer server, String bootstrapServers) {
    this.logDir = logDir;
    this.props = props;
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker with default settings; returns once it accepts requests. */
  public static EmbeddedKafka start() {
    return start(Map.of());
  }

  /**
   * Starts a broker; {@code overrides} are broker properties that replace the defaults
   * (e.g. {@code log.retention.ms}). Returns once the broker answers metadata requests.
   */
  public static EmbeddedKafka start(Map<String, String> overrides) {
    long started = System.nanoTime();
    Path logDir = createTempDir();
    int brokerPort = FreePorts.next();
    int controllerPort = FreePorts.next();
    Properties props = brokerProperties(logDir, brokerPort, controllerPort);
    props.putAll(overrides);
    try {
      format(logDir);
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      EmbeddedKafka kafka = new EmbeddedKafka(logDir, props, server, "127.0.0.1:" + brokerPort);
      kafka.awaitReady();
      LOG.info("Kafka broker up at {} in {} ms (logs in {})", kafka.bootstrapServers,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDir);
      return kafka;
    } catch (RuntimeException e) {
      deleteRecursively(logDir);
      throw new IllegalStateException("Could not start the embedded Kafka broker: " + e.getMessage(), e);
    }
  }

  /** {@code host:port} of the broker's PLAINTEXT listener, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** An admin client for this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /**
   * Creates {@code names} with {@code partitions} partitions each (replication factor 1) and
   * waits until they exist; topics that already exist are left as they are.
   */
  public void createTopics(int partitions, String... names) {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(new NewTopic(name, partitions, (short) 1));
    }
    try (Admin admin = admin()) {
      for (var entry : admin.createTopics(topics).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Could not create topic " + entry.getKey() + ": "
                + e.getCause().getMessage(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics " + Arrays.toString(names), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out creating topics " + Arrays.toString(names), e);
    }
  }

  /**
   * Shuts the broker down like a stopped process, keeping its log directory, so that
   * {@link #restart()} brings back every topic, committed offset and transaction state. Clients
   * see the broker as unreachable meanwhile. Does nothing when already stopped.
   */
  public synchronized void stopKeepingData() {
    if (server == null) {
      return;
    }
    long started = System.nanoTime();
    server.shutdown();
    server.awaitShutdown();
    server = null;
    LOG.info("Kafka broker at {} stopped (data kept in {}) in {} ms", bootstrapServers, logDir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /**
   * Starts the broker again on the same ports from the same log directory (stopping it first if
   * it runs) and returns once it answers metadata requests.
   *
   * @throws IllegalStateException when it does not come back, e.g. because another process took
   *     one of its ports while it was down
   */
  public synchronized void restart() {
    stopKeepingData();
    long started = System.nanoTime();
    KafkaRaftServer restarted = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    try {
      restarted.startup();
    } catch (RuntimeException e) {
      throw new IllegalStateException("Could not restart the embedded Kafka broker at " + bootstrapServers
          + " from " + logDir + ": " + e.getMessage(), e);
    }
    server = restarted;
    awaitReady();
    LOG.info("Kafka broker at {} restarted in {} ms", bootstrapServers,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** Whether the broker runs (false between {@link #stopKeepingData()} and {@link #restart()}). */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Shuts the broker down (if it runs) and deletes its log directory. */
  @Override
  public synchronized void close() {
    long started = System.nanoTime();
    try {
      if (server != null) {
        server.shutdown();
        server.awaitShutdown();
        server = null;
      }
    } finally {
      deleteRecursively(logDir);
    }
    LOG.info("Kafka broker at {} stopped in {} ms", bootstrapServers,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    // One node: every internal topic must live with a single replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // Consumers join at once instead of waiting for more members that will never come.
    p.put("group.initial.rebalance.delay.ms", "0");
    // The default 128 MiB dedupe buffer is far more than a demo's changelogs need.
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    return p;
  }

  private static void format(Path logDir) {
    Formatter formatter = new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setControllerListenerName("CONTROLLER");
    try {
      formatter.run();
    } catch (Exception e) {
      throw new IllegalStateException("Could not format the broker's storage in " + logDir + ": " + e.getMessage(), e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin = admin()) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Broker at " + bootstrapServers + " did not become ready within "
                + READY_TIMEOUT.toSeconds() + " s", e);
          }
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the broker", e);
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("emostream-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory for the broker's logs", e);
    }
  }

  static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
