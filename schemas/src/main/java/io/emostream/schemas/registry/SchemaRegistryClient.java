package io.emostream.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the Avro serde needs. Implementations are
 * thread-safe and cache what never changes (an id always names the same schema).
 *
 * <p>Every method throws an unchecked {@link SchemaRegistryException} subclass on failure:
 * {@link IncompatibleSchemaException}, {@link SubjectNotFoundException},
 * {@link VersionNotFoundException}, {@link SchemaNotFoundException},
 * {@link InvalidSchemaException}, {@link RegistryAuthorizationException} or
 * {@link RegistryUnreachableException}.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /**
   * Registers {@code schema} under {@code subject} (a no-op returning the existing id when it is
   * already registered there).
   *
   * @return the schema's registry-wide id
   * @throws IncompatibleSchemaException when the subject's compatibility rule rejects it
   */
  int register(String subject, Schema schema);

  /**
   * Looks up a schema by its id. Cached: repeated ids never reach the registry again.
   *
   * @throws SchemaNotFoundException when no schema has this id
   */
  Schema getSchemaById(int id);

  /**
   * The newest version registered under {@code subject}.
   *
   * @throws SubjectNotFoundException when the subject has no versions
   */
  SchemaMetadata getLatestSchemaMetadata(String subject);

  /**
   * The id of {@code schema} if it is registered under {@code subject}, without registering it.
   *
   * @throws SubjectNotFoundException when the subject does not exist
   * @throws SchemaNotFoundException when the subject exists but does not hold this schema
   */
  int getId(String subject, Schema schema);

  /**
   * Whether {@code schema} may be registered as the subject's next version under its
   * compatibility rule. True when the subject does not exist yet (nothing to break).
   */
  boolean testCompatibility(String subject, Schema schema);

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
