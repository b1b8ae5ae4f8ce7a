package io.emostream.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, which Confluent,
 * Apicurio (under {@code /apis/ccompat/v7}), Karapace and Redpanda all serve. Uses only the JDK
 * HTTP client and Jackson.
 *
 * <p>Caches ids to schemas and (subject, schema) pairs to ids forever (both are immutable in a
 * registry), and a subject's latest version for {@code latest.cache.ttl.sec}. Thread-safe.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record SubjectSchema(String subject, Schema schema) {}

  private record TimedMetadata(SchemaMetadata metadata, long fetchedAtNanos) {}

  private final RegistryHttpTransport transport;
  private final Duration latestTtl;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<String, TimedMetadata> latestBySubject = new ConcurrentHashMap<>();

  /** Builds a client from Confluent-style properties; see {@link SchemaRegistryClientConfig}. */
  public HttpSchemaRegistryClient(Map<String, ?> configs) {
    this(new SchemaRegistryClientConfig(configs));
  }

  public HttpSchemaRegistryClient(SchemaRegistryClientConfig config) {
    this.transport = new RegistryHttpTransport(config.endpoints(),
        RegistrySslContexts.create(config.sslStores()), config.connectTimeout(),
        config.requestTimeout(), config.maxRetries(), config.retryBackoff(),
        config.retryBackoffMax());
    this.latestTtl = config.latestCacheTtl();
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(requireSubject(subject), schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    String what = "registering " + schema.getFullName() + " under subject '" + subject + "'";
    int id;
    try {
      id = postVersion(subject, schema, what);
    } catch (IncompatibleSchemaException conflict) {
      id = afterConflict(subject, schema, what, conflict);
    }
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  private int postVersion(String subject, Schema schema, String what) {
    return requireInt(post("/subjects/" + encode(subject) + "/versions", schemaBody(schema), what,
        RegistryErrors.NotFound.SUBJECT), "id", what);
  }

  /**
   * Tells a real conflict from a race. Some registries (Apicurio) also answer 409 "already exists"
   * when another client is registering the same subject at that moment; until that client's
   * version is committed a lookup finds nothing, so the registration is tried again with the
   * transport's backoff. Any other 409 is a real incompatibility: one lookup, then the error.
   */
  private int afterConflict(String subject, Schema schema, String what,
      IncompatibleSchemaException conflict) {
    IncompatibleSchemaException last = conflict;
    for (int retry = 1; ; retry++) {
      Optional<Integer> there = registeredConcurrently(subject, schema);
      if (there.isPresent()) {
        return there.get();
      }
      if (!isRegistrationRace(last) || retry > transport.maxRetries()) {
        throw last;
      }
      transport.pauseBeforeRetry(retry, what);
      try {
        return postVersion(subject, schema, what);
      } catch (IncompatibleSchemaException again) {
        last = again;
      }
    }
  }

  private static boolean isRegistrationRace(IncompatibleSchemaException conflict) {
    String message = conflict.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("already exists");
  }

  private Optional<Integer> registeredConcurrently(String subject, Schema schema) {
    try {
      return Optional.of(getId(subject, schema));
    } catch (SchemaRegistryException notThere) {
      return Optional.empty();
    }
  }

  @Override
  public Schema getSchemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    String what = "fetching the schema with id " + id;
    JsonNode answer = json(transport.send("GET", "/schemas/ids/" + id, null, what,
        RegistryErrors.NotFound.SCHEMA), what);
    Schema schema = parseAvro(answer, what);
    Schema raced = schemasById.putIfAbsent(id, schema);
    return raced != null ? raced : schema;
  }

  @Override
  public SchemaMetadata getLatestSchemaMetadata(String subject) {
    requireSubject(subject);
    TimedMetadata cached = latestBySubject.get(subject);
    if (cached != null && System.nanoTime() - cached.fetchedAtNanos() < latestTtl.toNanos()) {
      return cached.metadata();
    }
    String what = "fetching the latest version of subject '" + subject + "'";
    JsonNode answer;
    try {
      answer = json(transport.send("GET", "/subjects/" + encode(subject)
          + "/versions/latest", null, what, RegistryErrors.NotFound.SUBJECT), what);
    } catch (VersionNotFoundException e) {
      // Apicurio answers 40402 (no version 'latest') where Confluent answers 40401: both mean
      // the subject has no versions, so callers see one exception type
      throw new SubjectNotFoundException(e.getMessage(), e.httpStatus(), e.errorCode());
    }
    SchemaMetadata metadata = new SchemaMetadata(subject, requireInt(answer, "id", what),
        requireInt(answer, "version", what), parseAvro(answer, what));
    schemasById.putIfAbsent(metadata.id(), metadata.schema());
    if (!latestTtl.isZero()) {
      latestBySubject.put(subject, new TimedMetadata(metadata, System.nanoTime()));
    }
    return metadata;
  }

  @Override
  public int getId(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(requireSubject(subject), schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    String what = "looking up " + schema.getFullName() + " in subject '" + subject + "'";
    JsonNode answer = post("/subjects/" + encode(subject), schemaBody(schema), what,
        RegistryErrors.NotFound.SCHEMA);
    int id = requireInt(answer, "id", what);
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public boolean testCompatibility(String subject, Schema schema) {
    String what = "checking " + schema.getFullName() + " against subject '" + subject + "'";
    try {
      JsonNode answer = post("/compatibility/subjects/" + encode(requireSubject(subject))
          + "/versions/latest", schemaBody(schema), what, RegistryErrors.NotFound.SUBJECT);
      JsonNode flag = answer.get("is_compatible");
      if (flag == null || !flag.isBoolean()) {
        throw new SchemaRegistryException("Schema registry answered " + what
            + " without a boolean is_compatible: " + answer, 200, -1);
      }
      return flag.booleanValue();
    } catch (SubjectNotFoundException | VersionNotFoundException noVersionsYet) {
      return true;
    }
  }

  private JsonNode post(String path, String body, String what, RegistryErrors.NotFound notFound) {
    return json(transport.send("POST", path, body, what, notFound), what);
  }

  private static String schemaBody(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode a schema as JSON", e);
    }
  }

  private static JsonNode json(RegistryHttpTransport.Answer answer, String what) {
    try {
      JsonNode node = JSON.readTree(answer.body());
      if (node == null || !node.isObject()) {
        throw new SchemaRegistryException("Schema registry answered " + what
            + " with something other than a JSON object: " + answer.body(), answer.status(), -1);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException("Schema registry answered " + what
          + " with invalid JSON: " + e.getOriginalMessage(), answer.status(), -1);
    }
  }

  private static int requireInt(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new SchemaRegistryException("Schema registry answered " + what + " without an "
          + "integer '" + field + "': " + node, 200, -1);
    }
    return value.intValue();
  }

  private static Schema parseAvro(JsonNode node, String what) {
    String type = node.path("schemaType").asText("AVRO");
    if (!"AVRO".equalsIgnoreCase(type)) {
      throw new InvalidSchemaException("Schema registry answered " + what + " with a " + type
          + " schema; this serde reads Avro only. Is the topic written by another format?",
          200, -1);
    }
    JsonNode text = node.get("schema");
    if (text == null || !text.isTextual()) {
      throw new SchemaRegistryException("Schema registry answered " + what
          + " without a 'schema' string: " + node, 200, -1);
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw new InvalidSchemaException("Schema registry answered " + what
          + " with a schema Avro cannot parse: " + e.getMessage(), 200, -1);
    }
  }

  private static String requireSubject(String subject) {
    Objects.requireNonNull(subject, "subject");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
    return subject;
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
