package io.emostream.connect.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.connect.testing.InProcessConnect;
import io.emostream.connect.testing.TestEnvironment;
import io.emostream.schemas.calls.CallRecording;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole BI path with every part real: the call replay source in a Kafka Connect worker
 * publishes a recorded two-channel call, emostream scores it with the bundled model, and the
 * shipped Debezium JDBC sink configs write the scored utterances and alerts into PostgreSQL,
 * where this test finds them.
 */
class ReplayScoreSinkIT {

  private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String PG_USER = "postgres";
  private static final String CALL = "demo-escalation";

  @TempDir
  Path dir;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String database = "emostream_e2e_" + run;
  private final String prefix = "e2e-" + run + ".";

  @AfterEach
  void dropDatabase() throws SQLException {
    try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  void shouldReplayScoreAndWriteTheCallsUtterancesAndAlertsToPostgres() throws Exception {
    try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + database);
    }
    Path calls = Files.createDirectories(dir.resolve("calls"));
    copyBundledCall(calls);
    int utterances = CallRecording.load(calls, CALL).utterances().size();
    String bootstrap = TestEnvironment.kafka().bootstrapServers();
    String registry = TestEnvironment.registryUrl();

    try (EmostreamApp app = EmostreamApp.start(EmostreamConfig.of(appSettings(bootstrap, registry)));
         InProcessConnect worker = InProcessConnect.start(InProcessConnect.settings(bootstrap).exactlyOnceSource(true))) {
      await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);
      worker.createConnector("sink-utterances", sink("jdbc-sink-utterances.json", "emotion.utterances", registry));
      worker.createConnector("sink-alerts", sink("jdbc-sink-alerts.json", "emotion.alerts", registry));
      worker.awaitRunning("sink-utterances", 1);
      worker.awaitRunning("sink-alerts", 1);
      worker.createConnector("replay", replay(calls, registry));
      worker.awaitRunning("replay", 1);

      List<Map<String, Object>> scored = awaitRows("SELECT * FROM emotion_utterances ORDER BY startms", utterances);
      assertThat(scored).allSatisfy(row -> {
        assertThat(row.get("callid")).isEqualTo(CALL);
        assertThat(row.get("label")).isIn("NEUTRAL", "HAPPY", "ANGRY", "SAD");
        assertThat(row.get("modelname")).isEqualTo("emostream-demo");
      });
      assertThat(scored).extracting(row -> row.get("label")).contains("ANGRY");
      List<Map<String, Object>> alerts = awaitRows("SELECT * FROM emotion_alerts ORDER BY status", 2);
      assertThat(alerts).extracting(row -> row.get("status")).containsExactly("OPENED", "RESOLVED");
      assertThat(alerts).allSatisfy(row -> assertThat(row.get("role")).isEqualTo("CUSTOMER"));
    }
  }

  private Map<String, String> appSettings(String bootstrap, String registry) {
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", bootstrap);
    s.put("schema.registry.url", registry);
    s.put("application.id", prefix + "app");
    s.put("topics.prefix", prefix);
    s.put("topics.create", "true");
    s.put("topics.partitions", "2");
    s.put("state.dir", dir.resolve("state").toString());
    s.put("serving.port", "0");
    s.put("model.threads", "1");
    return s;
  }

  private Map<String, String> replay(Path calls, String registry) throws Exception {
    Map<String, String> config = shipped("call-replay-source.json");
    config.put("calls.dir", calls.toString());
    config.put("topic.audio", prefix + "calls.audio");
    config.put("topic.transcripts", prefix + "calls.transcripts");
    config.put("topic.events", prefix + "calls.events");
    config.put("replay.speed", "0");
    config.put("tasks.max", "1");
    config.put("schema.registry.url", registry);
    return config;
  }

  private Map<String, String> sink(String file, String topic, String registry) throws Exception {
    Map<String, String> config = shipped(file);
    config.put("topics", prefix + topic);
    config.put("connection.url", "jdbc:postgresql://127.0.0.1:5432/" + database);
    config.put("connection.username", PG_USER);
    config.put("connection.password", "");
    config.put("value.converter.schema.registry.url", registry);
    return config;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> shipped(String file) throws Exception {
    Path configDir = Path.of(System.getProperty("emostream.connect.config.dir", "config"));
    Map<String, String> config = new HashMap<>(new ObjectMapper().readValue(
        Files.readString(configDir.resolve(file)), Map.class));
    config.remove("name");
    return config;
  }

  private static void copyBundledCall(Path target) throws Exception {
    for (String suffix : List.of(".json", ".wav")) {
      try (InputStream in = ReplayScoreSinkIT.class.getResourceAsStream("/io/emostream/demo/calls/" + CALL + suffix)) {
        assertThat(in).as("bundled demo call %s%s", CALL, suffix).isNotNull();
        Files.copy(in, target.resolve(CALL + suffix));
      }
    }
  }

  private List<Map<String, Object>> awaitRows(String sql, int count) {
    List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(SQLException.class)
        .until(() -> {
          last.set(0, query(sql));
          return last.get(0).size() >= count;
        });
    return last.get(0);
  }

  private List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, PG_USER, "");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
