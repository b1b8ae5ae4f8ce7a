package io.emostream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.avro.AudioChunk;
import io.emostream.schemas.Schemas;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema AUDIO = Schemas.schemaOf(AudioChunk.class);

  private final ScriptedRegistryServer server = new ScriptedRegistryServer();

  HttpSchemaRegistryClientTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpSchemaRegistryClient client(String url, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(extra);
    props.put(SchemaRegistryClientConfig.URL_CONFIG, url);
    props.putIfAbsent(SchemaRegistryClientConfig.RETRY_BACKOFF_MS_CONFIG, 10);
    return new HttpSchemaRegistryClient(props);
  }

  private static String schemaAnswer(Schema schema) throws IOException {
    return JSON.writeValueAsString(Map.of("schema", schema.toString()));
  }

  @Test
  void shouldRegisterWithConfluentPathContentTypeAndSchemaBody() throws IOException {
    server.respond(200, "{\"id\": 7}");

    int id = client(server.url(), Map.of()).register("calls.audio-value", AUDIO);

    assertThat(id).isEqualTo(7);
    ScriptedRegistryServer.Request request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/subjects/calls.audio-value/versions");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(new Schema.Parser().parse(JSON.readTree(request.body()).get("schema").asText()))
        .isEqualTo(AUDIO);
    assertThat(request.authorization()).isNull();
  }

  @Test
  void shouldKeepTheBaseUrlPathLikeApicurioCcompat() {
    server.respond(200, "{\"id\": 1}");

    client(server.url() + "/apis/ccompat/v7/", Map.of()).register("a b/c", AUDIO);

    assertThat(server.requests().get(0).path())
        .isEqualTo("/apis/ccompat/v7/subjects/a%20b%2Fc/versions");
  }

  @Test
  void shouldAskForEachSchemaIdOnlyOnce() throws IOException {
    server.respond(200, schemaAnswer(AUDIO));
    HttpSchemaRegistryClient client = client(server.url(), Map.of());

    Schema first = client.getSchemaById(3);
    Schema second = client.getSchemaById(3);

    assertThat(first).isEqualTo(AUDIO).isSameAs(second);
    assertThat(server.requests()).hasSize(1);
    assertThat(server.requests().get(0).path()).isEqualTo("/schemas/ids/3");
  }

  @Test
  void shouldRegisterEachSubjectAndSchemaOnlyOnce() {
    server.respond(200, "{\"id\": 9}");
    HttpSchemaRegistryClient client = client(server.url(), Map.of());

    client.register("s-value", AUDIO);
    client.register("s-value", AUDIO);

    assertThat(server.requests()).hasSize(1);
    assertThat(client.getSchemaById(9)).as("known from registering").isEqualTo(AUDIO);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldLookUpIdWithoutRegistering() {
    server.respond(200, "{\"subject\": \"s-value\", \"id\": 4, \"version\": 2, \"schema\": "
        + JSON.valueToTree(AUDIO.toString()) + "}");

    assertThat(client(server.url(), Map.of()).getId("s-value", AUDIO)).isEqualTo(4);
    assertThat(server.requests().get(0).method()).isEqualTo("POST");
    assertThat(server.requests().get(0).path()).isEqualTo("/subjects/s-value");
  }

  @Test
  void shouldReadLatestVersionMetadata() {
    server.respond(200, "{\"subject\": \"s-value\", \"id\": 5, \"version\": 3, \"schema\": "
        + JSON.valueToTree(AUDIO.toString()) + "}");

    SchemaMetadata latest = client(server.url(), Map.of()).getLatestSchemaMetadata("s-value");

    assertThat(latest).isEqualTo(new SchemaMetadata("s-value", 5, 3, AUDIO));
    assertThat(server.requests().get(0).path()).isEqualTo("/subjects/s-value/versions/latest");
  }

  @Test
  void shouldReportCompatibilityAndTreatMissingSubjectAsCompatible() {
    server.respond(200, "{\"is_compatible\": false}")
        .respond(404, "{\"error_code\": 40401, \"message\": \"Subject 'x' not found.\"}");
    HttpSchemaRegistryClient client = client(server.url(), Map.of());

    assertThat(client.testCompatibility("s-value", AUDIO)).isFalse();
    assertThat(client.testCompatibility("x", AUDIO)).isTrue();
    assertThat(server.requests().get(0).path())
        .isEqualTo("/compatibility/subjects/s-value/versions/latest");
  }

  @Test
  void shouldSendBasicAuthFromUserInfoConfig() {
    server.respond(200, "{\"id\": 1}");

    client(server.url(), Map.of("basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", "alice:s3cret")).register("s", AUDIO);

    assertThat(server.requests().get(0).authorization()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldSendBasicAuthFromUrlUserInfoWithoutSendingItInTheUrl() {
    server.respond(200, "{\"id\": 1}");

    client(server.url().replace("http://", "http://bob:p%40ss@"), Map.of()).register("s", AUDIO);

    assertThat(server.requests().get(0).authorization()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("bob:p@ss".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldSendBearerToken() {
    server.respond(200, "{\"id\": 1}");

    client(server.url(), Map.of("bearer.auth.credentials.source", "STATIC_TOKEN",
        "bearer.auth.token", "tok-123")).register("s", AUDIO);

    assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer tok-123");
  }

  @Test
  void shouldRetryServerErrorsWithBackoffThenSucceed() {
    server.respond(503, "busy").respond(500, "{\"error_code\": 50001}").respond(200,
        "{\"id\": 2}");

    int id = client(server.url(), Map.of()).register("s", AUDIO);

    assertThat(id).isEqualTo(2);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void shouldGiveUpAfterMaxRetriesNamingTheLastError() {
    server.respond(503, "busy").respond(503, "busy");

    assertThatThrownBy(() -> client(server.url(),
        Map.of(SchemaRegistryClientConfig.MAX_RETRIES_CONFIG, 1)).register("s", AUDIO))
        .isInstanceOf(RegistryUnreachableException.class)
        .hasMessageContaining("after 2 round(s)").hasMessageContaining("HTTP 503");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void shouldMapConflictToIncompatibleSchemaWithRegistryReason() {
    server.respond(409, "{\"error_code\": 409, \"message\": \"Schema being registered is "
        + "incompatible with an earlier schema; READER_FIELD_MISSING_DEFAULT_VALUE payload\"}")
        .respond(404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}");

    assertThatThrownBy(() -> client(server.url(), Map.of()).register("calls.audio-value", AUDIO))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("subject 'calls.audio-value'")
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE payload");
    assertThat(server.requests()).as("no retry; one lookup tells a real conflict from a race").hasSize(2);
  }

  @Test
  void shouldTakeTheExistingIdWhenAConflictCameFromAConcurrentRegistration() {
    server.respond(409, "{\"error_code\": 0, \"message\": \"Artifact already exists\"}")
        .respond(200, "{\"subject\": \"calls.audio-value\", \"id\": 7, \"version\": 1, \"schema\": "
            + JSON_QUOTE.apply(AUDIO.toString()) + "}");

    assertThat(client(server.url(), Map.of()).register("calls.audio-value", AUDIO)).isEqualTo(7);
  }

  @Test
  void shouldRegisterAgainWhenTheConcurrentRegistrationWasNotYetVisible() {
    // Apicurio: the other client's artifact exists, its version not yet, so the lookup misses
    server.respond(409, "{\"error_code\": 409, \"message\": \"An artifact with ID 'x' already exists.\"}")
        .respond(404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}")
        .respond(200, "{\"id\": 9}");

    assertThat(client(server.url(), Map.of()).register("calls.audio-value", AUDIO)).isEqualTo(9);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void shouldGiveUpOnAPersistentAlreadyExistsConflictAfterTheConfiguredRetries() {
    for (int i = 0; i < 3; i++) {
      server.respond(409, "{\"error_code\": 409, \"message\": \"Artifact already exists\"}")
          .respond(404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}");
    }

    assertThatThrownBy(() -> client(server.url(), Map.of(SchemaRegistryClientConfig.MAX_RETRIES_CONFIG, 2))
        .register("calls.audio-value", AUDIO))
        .isInstanceOf(IncompatibleSchemaException.class).hasMessageContaining("already exists");
    assertThat(server.requests()).as("a register and a lookup, tried three times").hasSize(6);
  }

  private static final java.util.function.Function<String, String> JSON_QUOTE = text -> {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  };

  @Test
  void shouldMapNotFoundErrorCodesToDistinctExceptions() {
    server.respond(404, "{\"error_code\": 40401, \"message\": \"Subject not found\"}")
        .respond(404, "{\"error_code\": 40402, \"message\": \"Version not found\"}")
        .respond(404, "{\"error_code\": 40403, \"message\": \"Schema 77 not found\"}");
    HttpSchemaRegistryClient client = client(server.url(), Map.of());

    assertThatThrownBy(() -> client.getLatestSchemaMetadata("nope-value"))
        .isInstanceOf(SubjectNotFoundException.class).hasMessageContaining("'nope-value'");
    // Apicurio's answer for a subject without versions: still "no such subject" to callers
    assertThatThrownBy(() -> client.getLatestSchemaMetadata("s"))
        .isInstanceOf(SubjectNotFoundException.class).hasMessageContaining("40402");
    assertThatThrownBy(() -> client.getSchemaById(77))
        .isInstanceOf(SchemaNotFoundException.class).hasMessageContaining("id 77")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
  }

  @Test
  void shouldMapBareNotFoundByWhatWasAsked() {
    server.respond(404, "<html>not found</html>");

    assertThatThrownBy(() -> client(server.url(), Map.of()).getSchemaById(5))
        .isInstanceOf(SchemaNotFoundException.class).hasMessageContaining("<html>not found");
  }

  @Test
  void shouldMapUnauthorizedAndForbidden() {
    server.respond(401, "{\"error_code\": 401, \"message\": \"Unauthorized\"}")
        .respond(403, "{\"error_code\": 40301, \"message\": \"User cannot access subject\"}");
    HttpSchemaRegistryClient client = client(server.url(), Map.of());

    assertThatThrownBy(() -> client.register("s", AUDIO))
        .isInstanceOf(RegistryAuthorizationException.class)
        .hasMessageContaining("basic.auth");
    assertThatThrownBy(() -> client.register("t", AUDIO))
        .isInstanceOf(RegistryAuthorizationException.class)
        .hasMessageContaining("User cannot access subject");
  }

  @Test
  void shouldFailFastWithClearErrorWhenNothingListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpSchemaRegistryClient client = client("http://127.0.0.1:" + closedPort, Map.of());
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.getSchemaById(1))
        .isInstanceOf(RegistryUnreachableException.class)
        .hasMessageContaining("http://127.0.0.1:" + closedPort)
        .hasMessageContaining("schema.registry.url");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void shouldFailOverToTheNextUrlWhenTheFirstIsDown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    server.respond(200, "{\"id\": 11}").respond(200, "{\"id\": 12}");
    HttpSchemaRegistryClient client = client("http://127.0.0.1:" + closedPort + ","
        + server.url(), Map.of(SchemaRegistryClientConfig.MAX_RETRIES_CONFIG, 0));

    assertThat(client.register("a", AUDIO)).isEqualTo(11);
    assertThat(client.register("b", AUDIO)).isEqualTo(12);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void shouldRejectNonAvroSchemaFromRegistry() {
    server.respond(200, "{\"schema\": \"syntax = \\\"proto3\\\";\", \"schemaType\": \"PROTOBUF\"}");

    assertThatThrownBy(() -> client(server.url(), Map.of()).getSchemaById(8))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("PROTOBUF");
  }
}
