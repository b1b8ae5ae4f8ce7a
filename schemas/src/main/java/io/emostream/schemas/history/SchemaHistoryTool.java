package io.emostream.schemas.history;

import io.emostream.schemas.Schemas;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Releases schema changes: for every contract in {@link Schemas} whose generated schema differs
 * from its newest history version, writes the next {@code v<N>.avsc} (self-contained, pretty
 * printed). Refuses changes that are not BACKWARD compatible. Run from the repository root:
 * {@code ./mvnw -B -q -pl schemas compile exec:java
 * -Dexec.mainClass=io.emostream.schemas.history.SchemaHistoryTool} (argument: the resources
 * folder, default {@code schemas/src/main/resources} or {@code src/main/resources}).
 */
public final class SchemaHistoryTool {
  private SchemaHistoryTool() {}

  public static void main(String[] args) {
    int code = run(args, System.out);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * @return 0 when every history is up to date afterwards, 1 when a change was refused, 2 for
   *     bad arguments
   */
  public static int run(String[] args, PrintStream out) {
    Path resources = args.length > 0 ? Path.of(args[0]) : defaultResources();
    if (resources == null || !Files.isDirectory(resources)) {
      out.println("Resources folder not found: give it as the argument, e.g. "
          + "schemas/src/main/resources");
      return 2;
    }
    int refused = 0;
    for (Class<? extends SpecificRecord> type : Schemas.TOPIC_VALUE_CLASSES) {
      Schema current = Schemas.schemaOf(type);
      String name = type.getSimpleName();
      List<Schema> versions = readVersions(resources, name);
      if (!versions.isEmpty()
          && SchemaEvolutionCheck.sameContract(versions.get(versions.size() - 1), current)) {
        continue;
      }
      if (!versions.isEmpty()) {
        List<String> problems =
            SchemaEvolutionCheck.backwardProblems(current, versions.get(versions.size() - 1));
        if (!problems.isEmpty()) {
          out.println("REFUSED " + name + ": not BACKWARD compatible with v" + versions.size()
              + ": " + String.join("; ", problems));
          refused++;
          continue;
        }
      }
      Path file = resources.resolve(SchemaHistory.resourcePath(name, versions.size() + 1));
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, SchemaFormatter.format("json/pretty", current) + "\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        out.println("Cannot write " + file + ": " + e.getMessage());
        return 2;
      }
      out.println("wrote " + file);
    }
    return refused == 0 ? 0 : 1;
  }

  /** Reads from the source folder, not the classpath, so a run sees files it just wrote. */
  private static List<Schema> readVersions(Path resources, String name) {
    List<Schema> result = new java.util.ArrayList<>();
    for (int v = 1; ; v++) {
      Path file = resources.resolve(SchemaHistory.resourcePath(name, v));
      if (!Files.exists(file)) {
        return result;
      }
      try {
        result.add(SchemaHistory.parse(file.toString(), Files.readString(file)));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("Cannot read " + file, e);
      }
    }
  }

  private static Path defaultResources() {
    for (String candidate : List.of("schemas/src/main/resources", "src/main/resources")) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }
}
