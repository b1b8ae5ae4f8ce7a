package io.emostream.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.EmotionAlert;
import io.emostream.schemas.Schemas;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the released contracts: every change to a topic schema must be released as a new,
 * BACKWARD-compatible history version (see schemas/README.md).
 */
class SchemaCompatibilityTest {

  static Stream<Class<? extends SpecificRecord>> topicValueClasses() {
    return Schemas.TOPIC_VALUE_CLASSES.stream();
  }

  @ParameterizedTest
  @MethodSource("topicValueClasses")
  void shouldReleaseCurrentSchemaAsNewestHistoryVersion(Class<? extends SpecificRecord> type) {
    List<Schema> versions = SchemaHistory.versions(type.getSimpleName());

    assertThat(versions).as("released versions of %s", type.getSimpleName()).isNotEmpty();
    Schema newest = versions.get(versions.size() - 1);
    assertThat(SchemaEvolutionCheck.sameContract(newest, Schemas.schemaOf(type)))
        .as(String.join("\n", SchemaEvolutionCheck.check(type.getSimpleName(), versions,
            Schemas.schemaOf(type))))
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("topicValueClasses")
  void shouldKeepEveryVersionBackwardCompatibleWithThePrevious(
      Class<? extends SpecificRecord> type) {
    String name = type.getSimpleName();

    assertThat(SchemaEvolutionCheck.check(name, SchemaHistory.versions(name),
        Schemas.schemaOf(type))).isEmpty();
  }

  @Test
  void shouldCatchFieldAddedWithoutDefault() {
    Schema v1 = Schemas.schemaOf(AudioChunk.class);
    Schema v2 = withField(v1, "{\"name\": \"gainDb\", \"type\": \"double\"}");

    List<String> problems = SchemaEvolutionCheck.check("AudioChunk", List.of(v1, v2), v2);

    assertThat(problems).singleElement().asString()
        .contains("AudioChunk v2 cannot read data written with v1")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("gainDb");
  }

  @Test
  void shouldAcceptFieldAddedWithDefault() {
    Schema v1 = Schemas.schemaOf(AudioChunk.class);
    Schema v2 = withField(v1,
        "{\"name\": \"gainDb\", \"type\": [\"null\", \"double\"], \"default\": null}");

    assertThat(SchemaEvolutionCheck.check("AudioChunk", List.of(v1, v2), v2)).isEmpty();
  }

  @Test
  void shouldCatchEnumSymbolRemovedWithoutDefault() {
    Schema v1 = Schemas.schemaOf(EmotionAlert.class);
    Schema v2 = new Schema.Parser().parse(v1.toString()
        .replace("\"symbols\":[\"OPENED\",\"RESOLVED\"]", "\"symbols\":[\"OPENED\"]"));

    assertThat(SchemaEvolutionCheck.backwardProblems(v2, v1)).singleElement().asString()
        .contains("MISSING_ENUM_SYMBOLS").contains("RESOLVED");
  }

  @Test
  void shouldNameTheFileToAddWhenTheCurrentSchemaChanged() {
    Schema v1 = Schemas.schemaOf(AudioChunk.class);
    Schema changed = withField(v1,
        "{\"name\": \"gainDb\", \"type\": [\"null\", \"double\"], \"default\": null}");

    assertThat(SchemaEvolutionCheck.check("AudioChunk", List.of(v1), changed)).singleElement()
        .asString().contains("AudioChunk changed since its newest released version v1")
        .contains("schemas/src/main/resources/io/emostream/avro/history/AudioChunk/v2.avsc")
        .contains(SchemaHistoryTool.class.getName());
  }

  @Test
  void shouldAskForAFirstVersionWhenThereIsNoHistory() {
    assertThat(SchemaEvolutionCheck.check("NewRecord", List.of(),
        Schemas.schemaOf(AudioChunk.class))).singleElement().asString()
        .contains("history/NewRecord/v1.avsc");
  }

  @Test
  void shouldKeepHistoryFilesSelfContained() {
    for (Class<? extends SpecificRecord> type : Schemas.TOPIC_VALUE_CLASSES) {
      // a fresh parser per file: named types from common/ must be inlined, not referenced
      assertThat(SchemaHistory.versions(type.getSimpleName())).allSatisfy(
          schema -> assertThat(schema.getFullName()).isEqualTo(type.getName()));
    }
  }

  private static Schema withField(Schema base, String fieldJson) {
    String json = base.toString();
    int end = json.lastIndexOf("]}");
    return new Schema.Parser().parse(json.substring(0, end) + "," + fieldJson + "]}");
  }
}
