package io.emostream.serving;

import static io.emostream.serving.ServingFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The serving layer of a real running app (embedded broker, dev registry, DJL with random
 * weights): health while starting and running, the REST API over one published call, the event
 * stream, the metrics and the bearer token. One app serves every test; the call ends in the
 * last one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingIT {

  private static final String AUTH = "Bearer " + LiveApp.TOKEN;
  private static final Duration SCORING = Duration.ofSeconds(90);

  private LiveApp live;
  private Path stateDir;
  private HttpResponse<String> healthAtStart;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private HttpResponse<Stream<String>> stream;

  @BeforeAll
  void startAppAndPublishACall() throws Exception {
    stateDir = Files.createTempDirectory("serving-it");
    live = LiveApp.start(stateDir, "serving-it");
    healthAtStart = get(live.baseUrl() + "health");
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> live.app.state() == KafkaStreams.State.RUNNING);
    stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(live.baseUrl() + "api/stream"))
        .header("Authorization", AUTH).GET().build(), HttpResponse.BodyHandlers.ofLines());
    Thread reader = new Thread(() -> stream.body().forEach(events::add), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    live.publishCallKeepingItOpen();
  }

  @AfterAll
  void stop() {
    if (stream != null) {
      stream.body().close();
    }
    if (live != null) {
      live.close();
    }
  }

  @Test
  @Order(1)
  void shouldReportHealthDownWhileStartingAndUpOnceStreamsRuns() {
    assertThat(healthAtStart.statusCode()).isEqualTo(503);
    assertThat(healthAtStart.body()).contains("\"status\":\"DOWN\"");

    HttpResponse<String> running = get(live.baseUrl() + "health");

    assertThat(running.statusCode()).isEqualTo(200);
    assertThat(running.body()).isEqualTo("{\"status\":\"UP\",\"streams\":\"RUNNING\"}");
  }

  @Test
  @Order(2)
  void shouldStreamEveryScoredUtteranceAndTheAlertsAsServerSentEvents() throws Exception {
    int lines = live.call.lines().size();
    Awaitility.await().atMost(SCORING).until(() -> dataOf("utterance").size() >= lines);

    List<JsonNode> utterances = dataOf("utterance");
    assertThat(utterances).extracting(u -> u.get("utteranceId").asText())
        .containsExactlyInAnyOrderElementsOf(live.call.utteranceIds());
    assertThat(utterances).allSatisfy(u -> {
      assertThat(u.get("callId").asText()).isEqualTo(live.call.callId());
      assertThat(u.get("agentId").asText()).isEqualTo("agent-7");
      assertThat(u.get("label").asText()).isIn("NEUTRAL", "HAPPY", "ANGRY", "SAD");
      assertThat(u.has("audio")).isFalse();
    });
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !dataOf("alert").isEmpty());
    assertThat(dataOf("alert").get(0).get("status").asText()).isEqualTo("OPENED");
  }

  @Test
  @Order(3)
  void shouldListTheActiveCallWithItsLatestRollupPerRole() {
    Awaitility.await().atMost(SCORING).untilAsserted(() -> {
      JsonNode calls = json(get(live.baseUrl() + "api/calls/active", "Authorization", AUTH), 200).get("items");
      assertThat(calls).extracting(c -> c.get("callId").asText()).containsExactly(live.call.callId());
      assertThat(calls.at("/0/roles/CUSTOMER/utteranceCount").asLong()).isEqualTo(2);
      assertThat(calls.at("/0/roles/AGENT/utteranceCount").asLong()).isEqualTo(2);
      assertThat(calls.at("/0/agentId").asText()).isEqualTo("agent-7");
    });
  }

  @Test
  @Order(4)
  void shouldReturnTheCallWithItsTimelineAndAlertState() throws Exception {
    JsonNode call = json(get(live.baseUrl() + "api/calls/" + live.call.callId(), "Authorization", AUTH), 200);

    assertThat(call.at("/call/callId").asText()).isEqualTo(live.call.callId());
    assertThat(call.get("utterances")).extracting(u -> u.get("utteranceId").asText())
        .containsExactlyElementsOf(live.call.utteranceIds());
    assertThat(call.at("/call/openAlerts")).isNotEmpty();
    assertThat(call.get("alerts")).extracting(a -> a.get("status").asText()).contains("OPENED");
    JsonNode open = json(get(live.baseUrl() + "api/alerts/open", "Authorization", AUTH), 200).get("items");
    assertThat(open).extracting(a -> a.get("callId").asText()).contains(live.call.callId());
    assertThat(get(live.baseUrl() + "api/calls/no-such-call", "Authorization", AUTH).statusCode()).isEqualTo(404);
  }

  @Test
  @Order(5)
  void shouldServeTheAgentsWindows() {
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode agents = json(get(live.baseUrl() + "api/agents", "Authorization", AUTH), 200).get("items");
      assertThat(agents).extracting(a -> a.get("agentId").asText()).containsExactly("agent-7");
      JsonNode agent = json(get(live.baseUrl() + "api/agents/agent-7", "Authorization", AUTH), 200);
      assertThat(agent.at("/current/utteranceCount").asLong()).isPositive();
    });
  }

  @Test
  @Order(6)
  void shouldExposeStreamsModelDeadLetterAndLatencyMetrics() throws Exception {
    HttpResponse<String> response = get(live.baseUrl() + "metrics", "Authorization", AUTH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(PrometheusWriter.CONTENT_TYPE);
    PrometheusText text = PrometheusText.parse(response.body());
    assertThat(text.types()).containsKeys("emostream_streams_running", "emostream_dead_letters_total",
        "emostream_model_batch_size", "emostream_model_inference_seconds", "emostream_model_queue_seconds",
        "emostream_model_batches_total", "emostream_end_to_end_latency_seconds",
        "kafka_streams_stream_thread_metrics_process_total");
    assertThat(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .as("bytes per default scrape").isLessThan(100 * 1024);
    assertThat(response.body()).doesNotContain("NaN");
    HttpResponse<String> full = get(live.baseUrl() + "metrics?streams=all", "Authorization", AUTH);
    assertThat(PrometheusText.parse(full.body()).types().keySet().stream().filter(f -> f.startsWith("kafka_streams_"))
        .count()).as("every Kafka Streams metric when asked for").isGreaterThan(50);
    assertThat(full.body()).doesNotContain("NaN");
    // the Grafana dashboard's Kafka Streams metrics are ones a running app registers
    Set<String> registered = new TreeSet<>(PrometheusText.parse(response.body()).types().keySet());
    live.app.streams().metrics().keySet().forEach(name -> registered.add(StreamsMetricsExport.familyName(name)));
    assertThat(registered).containsAll(GrafanaDashboard.families(registered));
    System.out.printf("[metrics] default scrape %d bytes, full scrape %d bytes%n",
        response.body().length(), full.body().length());
    assertThat(text.value("emostream_model_batch_size_sum", Map.of()))
        .isGreaterThanOrEqualTo(live.call.lines().size());
    assertThat(text.value("emostream_end_to_end_latency_seconds_count", Map.of()))
        .isGreaterThanOrEqualTo(live.call.lines().size());
    assertThat(text.value("emostream_dead_letters_total", Map.of("reason", "undecodable"))).isZero();
  }

  @Test
  @Order(7)
  void shouldRequireTheBearerTokenOnEveryEndpointButHealth() {
    List<Integer> statuses = new ArrayList<>();
    for (String path : List.of("", "api/calls/active", "api/calls/" + live.call.callId(), "api/stream", "metrics")) {
      statuses.add(get(live.baseUrl() + path).statusCode());
    }

    assertThat(statuses).containsOnly(401);
    assertThat(get(live.baseUrl() + "health").statusCode()).isEqualTo(200);
    assertThat(get(live.baseUrl() + "static/app.js").statusCode()).isEqualTo(200);
    assertThat(get(live.baseUrl() + "?token=" + LiveApp.TOKEN).body()).contains("data-testid=\"calls\"");
  }

  @Test
  @Order(8)
  void shouldDropAnEndedCallFromTheActiveListButKeepItQueryableWithItsSummary() {
    live.endCall();

    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(json(get(live.baseUrl() + "api/calls/active", "Authorization", AUTH), 200).get("items")).isEmpty();
      JsonNode ended = json(get(live.baseUrl() + "api/calls/" + live.call.callId(), "Authorization", AUTH), 200);
      assertThat(ended.at("/call/endedAt").isNumber()).as("endedAt set").isTrue();
      assertThat(ended.at("/summary/utteranceCount").asLong()).isEqualTo(live.call.lines().size());
      assertThat(ended.get("utterances")).hasSize(live.call.lines().size());
    });
  }

  private List<JsonNode> dataOf(String event) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    List<String> snapshot = List.copyOf(events);
    for (int i = 0; i + 1 < snapshot.size(); i++) {
      if (snapshot.get(i).equals("event: " + event) && snapshot.get(i + 1).startsWith("data: ")) {
        out.add(Http.JSON.readTree(snapshot.get(i + 1).substring(6)));
      }
    }
    return out;
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return Http.JSON.readTree(response.body());
  }
}
