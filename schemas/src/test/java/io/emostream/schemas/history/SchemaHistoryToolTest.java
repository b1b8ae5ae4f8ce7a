package io.emostream.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.schemas.Schemas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaHistoryToolTest {
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  @Test
  void shouldWriteFirstVersionOfEveryContractThenNothingOnceUpToDate(@TempDir Path dir)
      throws Exception {
    assertThat(SchemaHistoryTool.run(new String[] {dir.toString()}, out)).isZero();
    assertThat(output.toString(StandardCharsets.UTF_8).lines().count())
        .isEqualTo(Schemas.TOPIC_VALUE_CLASSES.size());
    Path audio = dir.resolve(SchemaHistory.resourcePath("AudioChunk", 1));
    assertThat(SchemaEvolutionCheck.sameContract(
        SchemaHistory.parse(audio.toString(), Files.readString(audio)),
        Schemas.schemaOf(io.emostream.avro.AudioChunk.class))).isTrue();

    output.reset();
    assertThat(SchemaHistoryTool.run(new String[] {dir.toString()}, out)).isZero();
    assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldRefuseToReleaseAnIncompatibleChange(@TempDir Path dir) throws Exception {
    // a released v1 without 'payload': today's AudioChunk (payload has no default) can't read it
    Path v1 = dir.resolve(SchemaHistory.resourcePath("AudioChunk", 1));
    Files.createDirectories(v1.getParent());
    Files.writeString(v1, "{\"type\": \"record\", \"name\": \"AudioChunk\", \"namespace\": "
        + "\"io.emostream.avro\", \"fields\": [{\"name\": \"callId\", \"type\": \"string\"}]}");

    assertThat(SchemaHistoryTool.run(new String[] {dir.toString()}, out)).isEqualTo(1);

    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("REFUSED AudioChunk").contains("payload");
    assertThat(dir.resolve(SchemaHistory.resourcePath("AudioChunk", 2))).doesNotExist();
  }

  @Test
  void shouldReportMissingResourcesFolder(@TempDir Path dir) {
    assertThat(SchemaHistoryTool.run(new String[] {dir.resolve("nope").toString()}, out))
        .isEqualTo(2);
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("Resources folder not found");
  }
}
