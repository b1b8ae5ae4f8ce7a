package io.emostream.schemas.history;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks a record's released versions against each other and against the current generated
 * schema: the rule that lets old records be read by new code (BACKWARD, reader = new version,
 * writer = previous) and that forces every contract change to be released as a new version.
 */
public final class SchemaEvolutionCheck {
  private SchemaEvolutionCheck() {}

  /**
   * Why {@code reader} cannot read data written with {@code writer}; empty when it can.
   * Each entry names the location in the schema and Avro's reason.
   */
  public static List<String> backwardProblems(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    return result.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
        .toList();
  }

  /** Whether two schemas are the same contract text (names, types, defaults, docs, order). */
  public static boolean sameContract(Schema a, Schema b) {
    return a.toString().equals(b.toString());
  }

  /**
   * Every problem with {@code recordName}'s history; empty when it is in order.
   *
   * @param versions released versions, oldest first
   * @param current the schema generated from the .avsc sources today
   */
  public static List<String> check(String recordName, List<Schema> versions, Schema current) {
    List<String> problems = new ArrayList<>();
    String folder = "schemas/src/main/resources/" + SchemaHistory.RESOURCE_ROOT + recordName;
    if (versions.isEmpty()) {
      problems.add(recordName + " has no released version: add " + folder + "/v1.avsc ("
          + howToWrite() + ").");
      return problems;
    }
    for (int i = 1; i < versions.size(); i++) {
      for (String p : backwardProblems(versions.get(i), versions.get(i - 1))) {
        problems.add(recordName + " v" + (i + 1) + " cannot read data written with v" + i
            + " (BACKWARD): " + p);
      }
    }
    int newest = versions.size();
    if (!sameContract(versions.get(newest - 1), current)) {
      List<String> breaking = backwardProblems(current, versions.get(newest - 1));
      problems.add(recordName + " changed since its newest released version v" + newest
          + ": add " + folder + "/v" + (newest + 1) + ".avsc (" + howToWrite() + ")"
          + (breaking.isEmpty() ? "." : ", but first make the change BACKWARD compatible: "
          + String.join("; ", breaking)));
    }
    return problems;
  }

  private static String howToWrite() {
    return "run ./mvnw -B -q -pl schemas compile exec:java "
        + "-Dexec.mainClass=" + SchemaHistoryTool.class.getName()
        + ", or save the generated class's getClassSchema() formatted as json/pretty";
  }
}
