package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged tools artefact {@code emostream-tools.jar} runs with {@code java -jar}, as the
 * README's demo command does, and offers the runtime's commands besides its own.
 */
class EmostreamToolsJarIT {

  private static final Path JAR = Path.of("target", "emostream-tools.jar");

  @Test
  void shouldRunFromTheJarAndListTheRuntimeCommandsAndTheTools() throws Exception {
    assertThat(JAR).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--help")
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("Usage: emostream").contains("  run ").contains("  demo ")
        .contains("  bench ").contains("  bench-model ");
    assertThat(JAR.getParent().resolve("lib")).isDirectoryContaining("glob:**/emostream-streams-app-*.jar")
        .isDirectoryContaining("glob:**/emostream-embedded-*.jar");
  }
}
