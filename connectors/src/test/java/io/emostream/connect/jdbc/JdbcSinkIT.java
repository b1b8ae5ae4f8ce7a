package io.emostream.connect.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.avro.AlertStatus;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.ScoredUtterance;
import io.emostream.connect.testing.InProcessConnect;
import io.emostream.connect.testing.TestEnvironment;
import io.emostream.schemas.SampleRecords;
import io.emostream.schemas.serde.SpecificAvroSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped JDBC sink configs ({@code connectors/config/jdbc-sink-*.json}) in a real Connect
 * worker with the Debezium JDBC sink and our AvroConverter, writing into the local PostgreSQL
 * (127.0.0.1:5432, trust auth) in a database created for this run and dropped after it.
 */
class JdbcSinkIT {
  private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String PG_USER = "postgres";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String DATABASE = "emostream_it_" + RUN;

  private static InProcessConnect worker;
  private static SpecificAvroSerde<SpecificRecord> serde;
  private static KafkaProducer<String, byte[]> producer;

  @BeforeAll
  static void setUp() throws Exception {
    try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("JdbcSinkIT needs PostgreSQL on 127.0.0.1:5432 with trust "
          + "auth for user postgres; start it with `pg_ctlcluster --skip-systemctl-redirect "
          + "$(ls /etc/postgresql) main start`. Cause: " + e.getMessage(), e);
    }
    String bootstrap = TestEnvironment.kafka().bootstrapServers();
    worker = InProcessConnect.start(InProcessConnect.settings(bootstrap));
    serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", TestEnvironment.registryUrl()), false);
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(), new ByteArraySerializer());
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (worker != null) {
      worker.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (serde != null) {
      serde.close();
    }
    try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
  }

  @Test
  void shouldUpsertScoredUtterancesWithFlattenedProbabilities() throws Exception {
    String topic = startSink("jdbc-sink-utterances.json", "utterances");
    ScoredUtterance first = SampleRecords.scoredUtterance();
    ScoredUtterance second = ScoredUtterance.newBuilder(first).setUtteranceId("u-2")
        .setLabel(EmotionLabel.SAD).setValence(-0.4).build();
    ScoredUtterance rescored = ScoredUtterance.newBuilder(first).setValence(-0.9).build();
    send(topic, first, second, rescored);

    List<Map<String, Object>> rows = awaitRows("SELECT * FROM emotion_utterances "
        + "ORDER BY utteranceid", 2, r -> ((Number) r.get(0).get("valence")).doubleValue() < -0.85);

    Map<String, Object> u1 = rows.get(0);
    assertThat(u1).containsEntry("callid", SampleRecords.CALL_ID)
        .containsEntry("utteranceid", "u-1")
        .containsEntry("label", "ANGRY")
        .containsEntry("role", "CUSTOMER")
        .containsEntry("probabilities_angry", 0.8)
        .containsEntry("probabilities_neutral", 0.1)
        .containsEntry("valence", -0.9)
        .containsEntry("arousal", 0.85)
        .containsEntry("context_tenant", "acme")
        .containsEntry("context_agentid", "agent-7")
        .containsEntry("modelname", "cross-modal-demo");
    assertThat(u1.get("timings_scoredat")).isNotNull();
    assertThat(u1.get("modalities")).isEqualTo(List.of("AUDIO", "TEXT"));
    assertThat(rows.get(1)).containsEntry("utteranceid", "u-2").containsEntry("label", "SAD");
  }

  @Test
  void shouldWriteOneSummaryRowPerCall() throws Exception {
    String topic = startSink("jdbc-sink-summaries.json", "summaries");
    send(topic, SampleRecords.callEmotionSummary());

    List<Map<String, Object>> rows = awaitRows("SELECT * FROM emotion_call_summaries", 1,
        r -> true);

    assertThat(rows.get(0)).containsEntry("callid", SampleRecords.CALL_ID)
        .containsEntry("utterancecount", 60L)
        .containsEntry("customershift", 0.8)
        .containsEntry("alertcount", 1)
        .containsEntry("context_queue", "billing")
        .doesNotContainKeys("roles", "peaks");
    assertThat(rows.get(0).get("endedat")).isNotNull();
  }

  @Test
  void shouldKeepOpenedAndResolvedAlertsAsSeparateRows() throws Exception {
    String topic = startSink("jdbc-sink-alerts.json", "alerts");
    EmotionAlert opened = SampleRecords.emotionAlert();
    EmotionAlert resolved = EmotionAlert.newBuilder(opened).setStatus(AlertStatus.RESOLVED)
        .setEwmaNegative(0.2).setMessage("Customer calmer").build();
    send(topic, opened, resolved);

    List<Map<String, Object>> rows = awaitRows("SELECT * FROM emotion_alerts ORDER BY status",
        2, r -> true);

    assertThat(rows).extracting(r -> r.get("status")).containsExactly("OPENED", "RESOLVED");
    assertThat(rows.get(0)).containsEntry("alertid", "alert-1")
        .containsEntry("severity", "CRITICAL")
        .containsEntry("rule", "CONSECUTIVE_NEGATIVE")
        .containsEntry("ewmanegative", 0.7);
    assertThat(rows.get(0).get("evidenceutteranceids")).isEqualTo(List.of("u-6", "u-7", "u-8"));
    assertThat(rows.get(1)).containsEntry("ewmanegative", 0.2);
  }

  /** Starts the shipped config on a fresh topic, pointed at this run's database and registry. */
  private static String startSink(String file, String name) throws Exception {
    Path dir = Path.of(System.getProperty("emostream.connect.config.dir", "config"));
    @SuppressWarnings("unchecked")
    Map<String, String> config = new HashMap<>(new ObjectMapper()
        .readValue(Files.readString(dir.resolve(file)), Map.class));
    String topic = name + "-" + RUN;
    TestEnvironment.kafka().createTopics(1, topic);
    config.put("topics", topic);
    config.put("connection.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
    config.put("connection.username", PG_USER);
    config.put("connection.password", "");
    config.put("value.converter.schema.registry.url", TestEnvironment.registryUrl());
    String connector = config.remove("name");
    worker.createConnector(connector, config);
    worker.awaitRunning(connector, 1);
    return topic;
  }

  private static void send(String topic, SpecificRecord... records) throws Exception {
    for (SpecificRecord r : records) {
      producer.send(new ProducerRecord<>(topic, SampleRecords.CALL_ID,
          serde.serializer().serialize(topic, r))).get();
    }
  }

  private static List<Map<String, Object>> awaitRows(String sql, int count,
      java.util.function.Predicate<List<Map<String, Object>>> settled) {
    List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(SQLException.class)
        .until(() -> {
          last.set(0, query(sql));
          return last.get(0).size() == count && settled.test(last.get(0));
        });
    return last.get(0);
  }

  private static List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, PG_USER, "");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object v = rs.getObject(i);
          if (v instanceof Array a) {
            v = List.of((Object[]) a.getArray());
          }
          row.put(rs.getMetaData().getColumnName(i), v);
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
