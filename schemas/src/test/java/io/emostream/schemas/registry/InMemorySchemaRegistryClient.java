package io.emostream.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A schema registry in memory, for unit tests here and in other modules (it ships in the
 * {@code emostream-schemas} test-jar). Same semantics as a real registry behind
 * {@link HttpSchemaRegistryClient}: ids are registry-wide and assigned from 1, the same schema
 * text gets the same id in every subject, versions count from 1 per subject, registering an
 * existing schema is a no-op, and registration is checked against the subject's latest version
 * with BACKWARD compatibility (the registries' default), failing with
 * {@link IncompatibleSchemaException}. Missing things throw the same exception types with the
 * same Confluent error codes.
 *
 * <p>Counts calls per operation, so tests can prove that serdes cache:
 *
 * <pre>{@code
 * var registry = new InMemorySchemaRegistryClient();
 * var serde = new SpecificAvroSerde<>(registry, AudioChunk.class);
 * ... serialize and deserialize many records ...
 * assertThat(registry.getSchemaByIdCalls()).isEqualTo(1);
 * }</pre>
 *
 * Thread-safe.
 */
public class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  /** Compatibility rules a subject can have. */
  public enum Compatibility {
    /** Anything may be registered. */
    NONE,
    /** The new schema must read data written with the latest version (the default). */
    BACKWARD,
    /** The new schema must read data written with every version. */
    BACKWARD_TRANSITIVE
  }

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, List<SchemaMetadata>> versionsBySubject = new HashMap<>();
  private final Map<String, Compatibility> compatibilityBySubject = new HashMap<>();
  private Compatibility defaultCompatibility = Compatibility.BACKWARD;
  private int nextId = 1;

  private final AtomicInteger registerCalls = new AtomicInteger();
  private final AtomicInteger getSchemaByIdCalls = new AtomicInteger();
  private final AtomicInteger getLatestCalls = new AtomicInteger();
  private final AtomicInteger getIdCalls = new AtomicInteger();

  @Override
  public synchronized int register(String subject, Schema schema) {
    registerCalls.incrementAndGet();
    List<SchemaMetadata> versions = versionsBySubject.computeIfAbsent(subject,
        s -> new ArrayList<>());
    for (SchemaMetadata existing : versions) {
      if (existing.schema().toString().equals(schema.toString())) {
        return existing.id();
      }
    }
    List<String> problems = compatibilityProblems(subject, schema);
    if (!problems.isEmpty()) {
      throw new IncompatibleSchemaException("In-memory registry refused registering "
          + schema.getFullName() + " under subject '" + subject + "': HTTP 409 error_code "
          + "40901: incompatible with an earlier version: " + String.join("; ", problems),
          409, 40901);
    }
    int id = idsBySchemaText.computeIfAbsent(schema.toString(), text -> nextId++);
    schemasById.putIfAbsent(id, schema);
    versions.add(new SchemaMetadata(subject, id, versions.size() + 1, schema));
    return id;
  }

  @Override
  public synchronized Schema getSchemaById(int id) {
    getSchemaByIdCalls.incrementAndGet();
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaNotFoundException("In-memory registry has no schema with id " + id
          + ": HTTP 404 error_code 40403", 404, 40403);
    }
    return schema;
  }

  @Override
  public synchronized SchemaMetadata getLatestSchemaMetadata(String subject) {
    getLatestCalls.incrementAndGet();
    List<SchemaMetadata> versions = existingVersions(subject);
    return versions.get(versions.size() - 1);
  }

  @Override
  public synchronized int getId(String subject, Schema schema) {
    getIdCalls.incrementAndGet();
    for (SchemaMetadata version : existingVersions(subject)) {
      if (version.schema().toString().equals(schema.toString())) {
        return version.id();
      }
    }
    throw new SchemaNotFoundException("In-memory registry has no version of subject '" + subject
        + "' equal to " + schema.getFullName() + ": HTTP 404 error_code 40403", 404, 40403);
  }

  @Override
  public synchronized boolean testCompatibility(String subject, Schema schema) {
    return compatibilityProblems(subject, schema).isEmpty();
  }

  /** Sets the rule of one subject, overriding the default. */
  public synchronized void setCompatibility(String subject, Compatibility compatibility) {
    compatibilityBySubject.put(subject, compatibility);
  }

  /** Sets the rule of subjects without their own (BACKWARD unless changed). */
  public synchronized void setDefaultCompatibility(Compatibility compatibility) {
    this.defaultCompatibility = compatibility;
  }

  /** Every version of {@code subject}, oldest first; empty for an unknown subject. */
  public synchronized List<SchemaMetadata> versions(String subject) {
    return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
  }

  /** Subjects with at least one version. */
  public synchronized List<String> subjects() {
    return versionsBySubject.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(Map.Entry::getKey).sorted().toList();
  }

  public int registerCalls() {
    return registerCalls.get();
  }

  public int getSchemaByIdCalls() {
    return getSchemaByIdCalls.get();
  }

  public int getLatestCalls() {
    return getLatestCalls.get();
  }

  public int getIdCalls() {
    return getIdCalls.get();
  }

  private List<SchemaMetadata> existingVersions(String subject) {
    List<SchemaMetadata> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SubjectNotFoundException("In-memory registry has no subject '" + subject
          + "': HTTP 404 error_code 40401", 404, 40401);
    }
    return versions;
  }

  private List<String> compatibilityProblems(String subject, Schema candidate) {
    List<SchemaMetadata> versions = versionsBySubject.getOrDefault(subject, List.of());
    Compatibility rule = compatibilityBySubject.getOrDefault(subject, defaultCompatibility);
    List<SchemaMetadata> against = switch (rule) {
      case NONE -> List.of();
      case BACKWARD -> versions.isEmpty() ? List.of() : List.of(versions.get(versions.size() - 1));
      case BACKWARD_TRANSITIVE -> versions;
    };
    List<String> problems = new ArrayList<>();
    for (SchemaMetadata old : against) {
      SchemaCompatibility.SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema());
      if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
        result.getResult().getIncompatibilities().forEach(i -> problems.add("version "
            + old.version() + ": " + i.getType() + " at " + i.getLocation() + ": "
            + i.getMessage()));
      }
    }
    return problems;
  }
}
