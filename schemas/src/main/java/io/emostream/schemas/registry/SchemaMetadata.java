package io.emostream.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One registered version of a subject.
 *
 * @param subject the subject, never null
 * @param id the registry-wide schema id (what the wire format carries)
 * @param version the version within the subject, from 1
 * @param schema the parsed schema, never null
 */
public record SchemaMetadata(String subject, int id, int version, Schema schema) {
  public SchemaMetadata {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
