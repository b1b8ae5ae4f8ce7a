package io.emostream.serving;

import static io.emostream.serving.ServingFixtures.get;
import static io.emostream.serving.ServingFixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.emostream.alerts.AlertState;
import io.emostream.alerts.AlertTopology;
import io.emostream.avro.EmotionLabel;
import io.emostream.avro.SpeakerRole;
import io.emostream.rollups.CallRollupState;
import io.emostream.rollups.CallRollupTopology;
import io.emostream.rollups.GroupAggregate;
import io.emostream.rollups.GroupWindowTopology;
import io.emostream.timeline.CallTimeline;
import io.emostream.timeline.TimelineTopology;
import io.emostream.timeline.TimelineUtterance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {

  private static final HostInfo PEER = new HostInfo("10.0.0.2", 8080);

  private TopologyTestDriver driver;
  private HttpServer server;
  private final FakeCluster cluster = new FakeCluster();

  @BeforeEach
  void setUp() {
    driver = ServingFixtures.storesDriver();
    KeyValueStore<String, CallTimeline> timelines = driver.getKeyValueStore(TimelineTopology.STORE);
    CallTimeline timeline = CallTimeline.start("call-1", 1_000).withContext("acme", "agent-7", "billing", 1_000)
        .plus(TimelineUtterance.of(scored("call-1", "u1", SpeakerRole.AGENT, EmotionLabel.NEUTRAL, 0.1, 0)), 10, 2_000)
        .plus(TimelineUtterance.of(scored("call-1", "u2", SpeakerRole.CUSTOMER, EmotionLabel.ANGRY, -0.6, 2_000)), 10,
            5_000);
    timelines.put("call-1", timeline);
    timelines.put("call-0", CallTimeline.start("call-0", 500));
    KeyValueStore<String, CallRollupState> rollups = driver.getKeyValueStore(CallRollupTopology.STORE);
    rollups.put("call-1|AGENT", new CallRollupState(1, 0.1, 0.3, 0.2,
        List.of(new CallRollupState.Recent("u1", EmotionLabel.NEUTRAL, 0.1))));
    rollups.put("call-1|CUSTOMER", new CallRollupState(1, -0.6, 0.5, 0.8,
        List.of(new CallRollupState.Recent("u2", EmotionLabel.ANGRY, -0.6))));
    KeyValueStore<String, AlertState> alerts = driver.getKeyValueStore(AlertTopology.STORE);
    alerts.put("call-1|CUSTOMER", new AlertState(1, 0.8, List.of(), null, List.of(), 1,
        new AlertState.OpenEpisode("call-1-CUSTOMER-1", "CONSECUTIVE_NEGATIVE", true, 4_000, 3_500, 1, "acme",
            "agent-7", "billing"), null, List.of(), 0, 3_500, List.of(), List.of()));
    alerts.put("call-1|AGENT", AlertState.initial());
    WindowStore<String, GroupAggregate> windows = driver.getWindowStore(GroupWindowTopology.AGENT_STORE);
    GroupAggregate one = GroupAggregate.empty()
        .plus(scored("call-1", "u2", SpeakerRole.CUSTOMER, EmotionLabel.ANGRY, -0.6, 2_000));
    windows.put("agent-7", one, 60_000);
    windows.put("agent-7", one.plus(scored("call-1", "u3", SpeakerRole.AGENT, EmotionLabel.HAPPY, 0.8, 3_000)), 0);

    LocalQueries local = new LocalQueries(ServingFixtures.source(driver));
    server = ServingFixtures.serve(Map.of("/api/", new ApiHandler(partition -> local, cluster)));
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
    driver.close();
  }

  @Test
  void shouldListActiveCallsWithLatestRollupPerRoleAndOpenAlerts() throws Exception {
    HttpResponse<String> response = get(server, "/api/calls/active");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Http.JSON_TYPE);
    JsonNode answer = Http.JSON.readTree(response.body());
    assertThat(answer.get("partial").asBoolean()).isFalse();
    assertThat(answer.get("missingPartitions")).isEmpty();
    JsonNode calls = answer.get("items");
    assertThat(calls).hasSize(2);
    JsonNode first = calls.get(0);
    assertThat(first.get("callId").asText()).isEqualTo("call-1");
    assertThat(first.get("agentId").asText()).isEqualTo("agent-7");
    assertThat(first.at("/roles/CUSTOMER/lastLabel").asText()).isEqualTo("ANGRY");
    assertThat(first.at("/roles/CUSTOMER/ewmaValence").asDouble()).isEqualTo(-0.6);
    assertThat(first.at("/roles/AGENT/utteranceCount").asLong()).isEqualTo(1);
    assertThat(first.at("/openAlerts/0/alertId").asText()).isEqualTo("call-1-CUSTOMER-1");
    assertThat(first.at("/openAlerts/0/severity").asText()).isEqualTo("CRITICAL");
    assertThat(calls.get(1).get("callId").asText()).isEqualTo("call-0");
    assertThat(calls.get(1).get("roles")).isEmpty();
  }

  @Test
  void shouldReturnTheCallsTimelineWithItsRollupsAndAlertState() throws Exception {
    HttpResponse<String> response = get(server, "/api/calls/call-1");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode call = Http.JSON.readTree(response.body());
    assertThat(call.at("/call/callId").asText()).isEqualTo("call-1");
    assertThat(call.at("/call/roles/AGENT/lastUtteranceId").asText()).isEqualTo("u1");
    assertThat(call.get("utterances")).extracting(u -> u.get("utteranceId").asText()).containsExactly("u1", "u2");
    assertThat(call.at("/utterances/1/text").asText()).isEqualTo("text of u2");
    assertThat(call.at("/call/openAlerts/0/role").asText()).isEqualTo("CUSTOMER");
  }

  @Test
  void shouldAnswer404WithAJsonErrorForAnUnknownCall() throws Exception {
    HttpResponse<String> response = get(server, "/api/calls/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = Http.JSON.readTree(response.body());
    assertThat(error.get("status").asInt()).isEqualTo(404);
    assertThat(error.get("error").asText()).contains("call nope is unknown, or ended longer ago than");
  }

  @Test
  void shouldAnswer503OnlyWhileThisInstanceCannotBeQueriedAtAll() throws Exception {
    cluster.queryable = false;

    HttpResponse<String> list = get(server, "/api/calls/active");
    HttpResponse<String> one = get(server, "/api/calls/call-1");

    assertThat(list.statusCode()).isEqualTo(503);
    assertThat(one.statusCode()).isEqualTo(503);
    assertThat(list.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(Http.JSON.readTree(one.body()).get("error").asText()).contains("REBALANCING");
  }

  @Test
  void shouldLookForACallOnEveryInstanceWhenItsMurmur2OwnerDoesNotHaveIt() throws Exception {
    HostInfo third = new HostInfo("10.0.0.3", 8080);
    cluster.peers.add(PEER);
    cluster.peers.add(third);
    cluster.owners.put("call-crc", PEER);
    cluster.answers.put(third, new Cluster.PeerResponse(200, "{\"call\":{\"callId\":\"call-crc\"}}".getBytes()));

    HttpResponse<String> response = get(server, "/api/calls/call-crc");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.JSON.readTree(response.body()).at("/call/callId").asText()).isEqualTo("call-crc");
    assertThat(cluster.asked).containsExactly(PEER + "/api/calls/call-crc?local=true",
        third + "/api/calls/call-crc?local=true");
  }

  @Test
  void shouldAnswer404OnlyWhenNoInstanceKnowsTheCall() throws Exception {
    cluster.peers.add(PEER);

    HttpResponse<String> response = get(server, "/api/calls/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(cluster.asked).containsExactly(PEER + "/api/calls/nowhere?local=true");
  }

  @Test
  void shouldForwardAKeyLookupToTheInstanceThatHostsTheCall() throws Exception {
    cluster.owners.put("call-9", PEER);
    cluster.answers.put(PEER, new Cluster.PeerResponse(200, "{\"call\":{\"callId\":\"call-9\"}}".getBytes()));

    HttpResponse<String> response = get(server, "/api/calls/call-9");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.JSON.readTree(response.body()).at("/call/callId").asText()).isEqualTo("call-9");
    assertThat(cluster.asked).containsExactly(PEER + "/api/calls/call-9?local=true");
  }

  @Test
  void shouldMergeListsFromEveryInstanceAskingPeersForTheirLocalPart() throws Exception {
    cluster.peers.add(PEER);
    cluster.answers.put(PEER, new Cluster.PeerResponse(200, ("{\"items\":[{\"callId\":\"call-remote\","
        + "\"updatedAt\":9000}],\"partial\":false,\"missingPartitions\":[]}").getBytes(StandardCharsets.UTF_8)));

    JsonNode answer = Http.JSON.readTree(get(server, "/api/calls/active").body());

    assertThat(answer.get("items")).extracting(c -> c.get("callId").asText())
        .containsExactly("call-remote", "call-1", "call-0");
    assertThat(answer.get("partial").asBoolean()).isFalse();
    assertThat(cluster.asked).containsExactly(PEER + "/api/calls/active?local=true");
  }

  @Test
  void shouldAnswerWithWhatItHasAndNameTheMissingPartitionsWhenAPartitionHasNoActiveTask() throws Exception {
    cluster.peers.add(PEER);
    cluster.unassigned.add(1); // mid-rebalance: the peer's partition has no active task yet

    HttpResponse<String> response = get(server, "/api/alerts/open");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = Http.JSON.readTree(response.body());
    assertThat(answer.get("partial").asBoolean()).isTrue();
    assertThat(answer.get("missingPartitions")).extracting(JsonNode::asInt).containsExactly(1);
    assertThat(answer.get("items")).extracting(a -> a.get("callId").asText()).containsExactly("call-1");
    assertThat(cluster.asked).as("nobody runs partition 1, so nobody is asked for it").isEmpty();
  }

  @Test
  void shouldAnswerFromThisInstanceAloneWhenAskedForTheLocalPart() throws Exception {
    cluster.peers.add(PEER);
    cluster.owners.put("call-1", PEER);

    JsonNode calls = Http.JSON.readTree(get(server, "/api/calls/active?local=true").body()).get("items");
    HttpResponse<String> one = get(server, "/api/calls/call-1?local=true");

    assertThat(calls).hasSize(2);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(cluster.asked).isEmpty();
  }

  @Test
  void shouldAnswerPartiallyNamingThePeerAndItsPartitionsWhenAPeerFailsDuringAFanOut() throws Exception {
    cluster.peers.add(PEER);
    cluster.answers.put(PEER, new Cluster.PeerResponse(500, "{}".getBytes()));

    HttpResponse<String> response = get(server, "/api/alerts/open");

    assertThat(response.statusCode()).as("what this instance has, not a 5xx").isEqualTo(200);
    JsonNode answer = Http.JSON.readTree(response.body());
    assertThat(answer.get("partial").asBoolean()).isTrue();
    assertThat(answer.get("missingPartitions")).extracting(JsonNode::asInt).containsExactly(1);
    assertThat(answer.get("unreachable").get(0).asText()).contains("10.0.0.2:8080").contains("500");
    assertThat(answer.get("items")).hasSize(1);
  }

  @Test
  void shouldListOpenAlertsOnly() throws Exception {
    JsonNode alerts = Http.JSON.readTree(get(server, "/api/alerts/open").body()).get("items");

    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).get("callId").asText()).isEqualTo("call-1");
    assertThat(alerts.get(0).get("rule").asText()).isEqualTo("CONSECUTIVE_NEGATIVE");
  }

  @Test
  void shouldReturnEachAgentsCurrentWindowAndAllItsWindows() throws Exception {
    JsonNode agents = Http.JSON.readTree(get(server, "/api/agents").body()).get("items");
    JsonNode agent = Http.JSON.readTree(get(server, "/api/agents/agent-7").body());

    assertThat(agents).hasSize(1);
    // the window from 0 overlaps the newest (from 60 s) and covers more history
    assertThat(agents.get(0).get("windowStart").asLong()).isZero();
    assertThat(agents.get(0).get("utteranceCount").asLong()).isEqualTo(2);
    assertThat(agents.get(0).at("/labelCounts/ANGRY").asLong()).isEqualTo(1);
    assertThat(agent.get("windows")).extracting(w -> w.get("windowStart").asLong()).containsExactly(60_000L, 0L);
    assertThat(get(server, "/api/agents/agent-unknown").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseMethodsOtherThanGet() throws Exception {
    HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
        + "/api/calls/active")).POST(HttpRequest.BodyPublishers.noBody()).build();

    HttpResponse<String> response = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void shouldNameTheEndpointsForAnUnknownPath() {
    HttpResponse<String> response = get(server, "/api/nothing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("/api/calls/active");
  }
}
