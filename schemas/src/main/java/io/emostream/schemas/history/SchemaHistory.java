package io.emostream.schemas.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The released versions of each topic schema, kept as self-contained {@code .avsc} resources
 * under {@value #RESOURCE_ROOT}{@code <RecordName>/v<N>.avsc} (N from 1, no gaps). A version, once
 * released, is never edited: a change to a contract adds the next file.
 */
public final class SchemaHistory {
  /** Classpath folder of the history, also its path under {@code src/main/resources}. */
  public static final String RESOURCE_ROOT = "io/emostream/avro/history/";

  private SchemaHistory() {}

  /** Classpath resource of one version, e.g. {@code io/emostream/avro/history/AudioChunk/v2.avsc}. */
  public static String resourcePath(String recordName, int version) {
    return RESOURCE_ROOT + recordName + "/v" + version + ".avsc";
  }

  /**
   * Every released version of {@code recordName}, oldest first; empty when none is released.
   *
   * @throws IllegalStateException when a version file is not a valid Avro schema
   */
  public static List<Schema> versions(String recordName) {
    ClassLoader loader = SchemaHistory.class.getClassLoader();
    List<Schema> result = new ArrayList<>();
    for (int v = 1; ; v++) {
      String path = resourcePath(recordName, v);
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in == null) {
          return List.copyOf(result);
        }
        result.add(parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read schema history resource " + path, e);
      }
    }
  }

  /**
   * Parses one self-contained schema (each file with a fresh parser, as named types may repeat).
   *
   * @param origin where the text came from, for the error message
   */
  public static Schema parse(String origin, String json) {
    try {
      return new Schema.Parser().parse(json);
    } catch (SchemaParseException e) {
      throw new IllegalStateException("Schema history file " + origin + " is not a valid, "
          + "self-contained Avro schema: " + e.getMessage(), e);
    }
  }
}
