package io.emostream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real dev registry (Apicurio, child JVM) through the Confluent API our serdes use: register,
 * look up by id, compatibility rules and the error bodies the serdes map to exceptions.
 */
class DevRegistryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static final String V1 = """
      {"type":"record","name":"Greeting","namespace":"io.emostream.it","fields":[
        {"name":"text","type":"string"}]}""";
  /** Adds a field without default: readers of v2 cannot read v1 data, so BACKWARD rejects it. */
  private static final String V2_INCOMPATIBLE = """
      {"type":"record","name":"Greeting","namespace":"io.emostream.it","fields":[
        {"name":"text","type":"string"},
        {"name":"language","type":"string"}]}""";
  /** Adds a field with a default: the BACKWARD-compatible way to evolve. */
  private static final String V2_COMPATIBLE = """
      {"type":"record","name":"Greeting","namespace":"io.emostream.it","fields":[
        {"name":"text","type":"string"},
        {"name":"language","type":"string","default":"en"}]}""";

  private static DevRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = DevRegistry.start();
    System.out.printf("Dev registry %s started in %d ms; log %s%n",
        registry.url(), registry.startupTime().toMillis(), registry.logFile());
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldServeTheConfluentApiOnLoopback() throws Exception {
    assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
    assertThat(registry.isRunning()).isTrue();

    Reply subjects = get("/subjects");

    assertThat(subjects.status()).isEqualTo(200);
    assertThat(subjects.body().isArray()).isTrue();
  }

  @Test
  void shouldRegisterAvroSchemaAndReadItBackById() throws Exception {
    String subject = uniqueSubject();

    Reply registered = post("/subjects/" + subject + "/versions", Map.of("schema", V1));
    assertThat(registered.status()).isEqualTo(200);
    int id = registered.body().path("id").asInt(-1);
    assertThat(id).isPositive();

    Reply byId = get("/schemas/ids/" + id);
    assertThat(byId.status()).isEqualTo(200);
    assertThat(JSON.readTree(byId.body().path("schema").asText())).isEqualTo(JSON.readTree(V1));
  }

  @Test
  void shouldReturnTheSameIdWhenTheSameSchemaIsRegisteredAgain() throws Exception {
    String subject = uniqueSubject();

    int first = post("/subjects/" + subject + "/versions", Map.of("schema", V1)).body().path("id").asInt();
    int second = post("/subjects/" + subject + "/versions", Map.of("schema", V1)).body().path("id").asInt();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldDefaultToNoneCompatibilityUnlikeConfluent() throws Exception {
    Reply config = get("/config");

    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body().path("compatibilityLevel").asText()).isEqualTo("NONE");
  }

  @Test
  void shouldRejectIncompatibleChangeUnderBackwardWith409AndAcceptACompatibleOne() throws Exception {
    String subject = uniqueSubject();
    assertThat(post("/subjects/" + subject + "/versions", Map.of("schema", V1)).status()).isEqualTo(200);
    Reply configured = put("/config/" + subject, Map.of("compatibility", "BACKWARD"));
    assertThat(configured.status()).isEqualTo(200);
    assertThat(get("/config/" + subject).body().path("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");

    Reply rejected = post("/subjects/" + subject + "/versions", Map.of("schema", V2_INCOMPATIBLE));
    System.out.printf("409 body from the dev registry: %s%n", rejected.body());

    assertThat(rejected.status()).isEqualTo(409);
    // Apicurio names the offending field; unlike Confluent (40901) its error_code is 0
    assertThat(rejected.body().path("message").asText())
        .startsWith("Incompatible artifact: " + subject)
        .contains("language");
    assertThat(rejected.body().has("error_code")).isTrue();

    Reply accepted = post("/subjects/" + subject + "/versions", Map.of("schema", V2_COMPATIBLE));
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(get("/subjects/" + subject + "/versions").body()).hasSize(2);
  }

  @Test
  void shouldAnswer404WithConfluentErrorCodesForUnknownIdsSubjectsAndVersions() throws Exception {
    String subject = uniqueSubject();
    Reply unknownId = get("/schemas/ids/987654");
    Reply unknownSubject = get("/subjects/" + subject + "/versions");
    Reply latestOfUnknownSubject = get("/subjects/" + subject + "/versions/latest");
    System.out.printf("404 bodies from the dev registry: %s | %s | %s%n",
        unknownId.body(), unknownSubject.body(), latestOfUnknownSubject.body());

    assertThat(unknownId.status()).isEqualTo(404);
    assertThat(unknownId.body().path("error_code").asInt()).isEqualTo(40403);
    assertThat(unknownId.body().path("message").asText()).contains("987654");
    assertThat(unknownSubject.status()).isEqualTo(404);
    assertThat(unknownSubject.body().path("error_code").asInt()).isEqualTo(40401);
    // Confluent says 40401 (subject not found) here; Apicurio says 40402 (version not found)
    assertThat(latestOfUnknownSubject.status()).isEqualTo(404);
    assertThat(latestOfUnknownSubject.body().path("error_code").asInt()).isEqualTo(40402);
  }

  @Test
  void shouldStopTheChildJvmAndFreeThePortOnClose(@TempDir Path logDir) throws Exception {
    DevRegistry own = DevRegistry.start(DevRegistryJar.locate(), logDir, DevRegistry.DEFAULT_START_TIMEOUT);
    URI subjects = URI.create(own.url() + "/subjects");
    assertThat(HTTP.send(HttpRequest.newBuilder(subjects).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    assertThat(own.logFile()).startsWith(logDir).isNotEmptyFile();

    own.close();
    own.close();

    assertThat(own.isRunning()).isFalse();
    assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(subjects).GET().build(),
        HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
  }

  @Test
  void shouldFailFastNamingTheJarAndTheBuildCommandWhenTheJarDoesNotExist(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-registry-runner.jar");
    long started = System.nanoTime();

    assertThatThrownBy(() -> DevRegistry.start(missing, dir, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString())
        .hasMessageContaining("./mvnw -pl dev-registry package");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }

  private static String uniqueSubject() {
    return "it-" + UUID.randomUUID() + "-value";
  }

  private static Reply get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  private static Reply post(String path, Object body) throws IOException, InterruptedException {
    return send(request(path).POST(jsonBody(body)).build());
  }

  private static Reply put(String path, Object body) throws IOException, InterruptedException {
    return send(request(path).PUT(jsonBody(body)).build());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(registry.url() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Accept", CONTENT_TYPE)
        .header("Content-Type", CONTENT_TYPE);
  }

  private static HttpRequest.BodyPublisher jsonBody(Object body) throws IOException {
    return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
  }

  private static Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }

  /** An HTTP status and its parsed JSON body. */
  private record Reply(int status, JsonNode body) {}
}
