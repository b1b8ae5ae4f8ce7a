package io.emostream.connect.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.FutureCallback;
import org.awaitility.Awaitility;

/**
 * A real Kafka Connect worker (distributed mode, one member) in this JVM, against the given
 * brokers, for integration tests: connectors on the test classpath are found as plugins, REST
 * listens on a free 127.0.0.1 port, and the internal topics have one replica.
 *
 * <p>Workers built from the same {@link Settings} form the same Connect cluster (same group and
 * internal topics), so a test can stop one and start another to prove that connectors resume
 * from their committed offsets.
 *
 * <pre>{@code
 * var settings = InProcessConnect.settings(kafka.bootstrapServers()).exactlyOnceSource(true);
 * try (InProcessConnect connect = InProcessConnect.start(settings)) {
 *   connect.createConnector("replay", config);
 *   connect.awaitRunning("replay", 2);
 * }
 * }</pre>
 */
public final class InProcessConnect implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * Worker properties of one Connect cluster.
   *
   * @param properties worker config; copied
   */
  public record Settings(Map<String, String> properties) {
    public Settings {
      properties = Map.copyOf(properties);
    }

    /** With {@code exactly.once.source.support=enabled} (transactions per poll batch). */
    public Settings exactlyOnceSource(boolean enabled) {
      return with("exactly.once.source.support", enabled ? "enabled" : "disabled");
    }

    /** A copy with one worker property replaced. */
    public Settings with(String key, String value) {
      Map<String, String> copy = new HashMap<>(properties);
      copy.put(key, value);
      return new Settings(copy);
    }
  }

  private final Connect<DistributedHerder> connect;

  private InProcessConnect(Connect<DistributedHerder> connect) {
    this.connect = connect;
  }

  /** Settings of a new Connect cluster with its own group id and internal topics. */
  public static Settings settings(String bootstrapServers) {
    String id = "it-connect-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("group.id", id);
    p.put("config.storage.topic", id + "-configs");
    p.put("offset.storage.topic", id + "-offsets");
    p.put("status.storage.topic", id + "-status");
    p.put("config.storage.replication.factor", "1");
    p.put("offset.storage.replication.factor", "1");
    p.put("offset.storage.partitions", "1");
    p.put("status.storage.replication.factor", "1");
    p.put("status.storage.partitions", "1");
    p.put("listeners", "http://127.0.0.1:0");
    // our plugins and Debezium declare ServiceLoader manifests: skip the slow classpath scan
    p.put("plugin.discovery", "service_load");
    p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    p.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    p.put("offset.flush.interval.ms", "500");
    p.put("scheduled.rebalance.max.delay.ms", "0");
    p.put("task.shutdown.graceful.timeout.ms", "3000");
    return new Settings(p);
  }

  /** Starts a worker and waits until it has joined its cluster. */
  public static InProcessConnect start(Settings settings) {
    // a failed start must fail the test, not exit the test JVM
    Exit.setExitProcedure((code, message) -> {
      throw new IllegalStateException("Kafka Connect tried to exit with " + code + ": " + message);
    });
    Connect<DistributedHerder> connect =
        new ConnectDistributed().startConnect(settings.properties());
    InProcessConnect worker = new InProcessConnect(connect);
    Awaitility.await("Connect worker joins its group").atMost(TIMEOUT)
        .ignoreExceptions().until(() -> worker.connectors() != null);
    return worker;
  }

  /** The worker's REST base URL. */
  public String restUrl() {
    return connect.rest().advertisedUrl().toString();
  }

  /** Names of the cluster's connectors. */
  public java.util.Collection<String> connectors() throws Exception {
    FutureCallback<java.util.Collection<String>> cb = new FutureCallback<>();
    connect.herder().connectors(cb);
    return cb.get(10, TimeUnit.SECONDS);
  }

  /** Creates (or replaces) a connector, as {@code PUT /connectors/{name}/config} would. */
  public void createConnector(String name, Map<String, String> config) throws Exception {
    Map<String, String> withName = new HashMap<>(config);
    withName.put("name", name);
    FutureCallback<org.apache.kafka.connect.runtime.Herder.Created<
        org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>> cb = new FutureCallback<>();
    connect.herder().putConnectorConfig(name, withName, true, cb);
    cb.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Deletes a connector; its committed offsets stay. */
  public void deleteConnector(String name) throws Exception {
    FutureCallback<org.apache.kafka.connect.runtime.Herder.Created<
        org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>> cb = new FutureCallback<>();
    connect.herder().deleteConnectorConfig(name, cb);
    cb.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The connector's and its tasks' states. */
  public ConnectorStateInfo status(String name) {
    return connect.herder().connectorStatus(name);
  }

  /**
   * Waits until the connector and {@code tasks} tasks are RUNNING; fails at once, with the
   * worker's trace, when one has FAILED.
   */
  public void awaitRunning(String name, int tasks) {
    Awaitility.await(name + " running with " + tasks + " task(s)").atMost(TIMEOUT)
        .ignoreExceptionsMatching(e -> e instanceof org.apache.kafka.connect.errors.NotFoundException)
        .until(() -> {
          ConnectorStateInfo info = status(name);
          failOnFailure(info);
          List<ConnectorStateInfo.TaskState> states = info.tasks();
          return "RUNNING".equals(info.connector().state()) && states.size() == tasks
              && states.stream().allMatch(t -> "RUNNING".equals(t.state()));
        });
  }

  /** Throws when the connector or one of its tasks has FAILED, carrying the worker's trace. */
  public void assertNotFailed(String name) {
    failOnFailure(status(name));
  }

  private static void failOnFailure(ConnectorStateInfo info) {
    if ("FAILED".equals(info.connector().state())) {
      throw new AssertionError("Connector " + info.name() + " FAILED: " + info.connector().trace());
    }
    for (ConnectorStateInfo.TaskState t : info.tasks()) {
      if ("FAILED".equals(t.state())) {
        throw new AssertionError("Task " + t.id() + " of " + info.name() + " FAILED: "
            + t.trace());
      }
    }
  }

  /** Stops the worker: its tasks stop and commit, the cluster keeps configs and offsets. */
  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
