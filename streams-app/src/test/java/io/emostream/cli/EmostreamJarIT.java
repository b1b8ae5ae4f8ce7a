package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged {@code emostream.jar} runs with {@code java -jar}, as the README says. */
class EmostreamJarIT {

  private static final Path JAR = Path.of("target", "emostream.jar");

  @Test
  void shouldRunFromTheJarAndListTheCommands() throws Exception {
    assertThat(JAR).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--help")
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("Usage: emostream").contains("Commands:");
    assertThat(Files.list(JAR.getParent().resolve("lib"))).isNotEmpty();
  }

  @Test
  void shouldExitTwoNamingTheClosestValidKeyOfAConfigurationTypo() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "run",
        "--set", "bootstrap.servers=127.0.0.1:1", "--set", "schema.registry.url=http://127.0.0.1:1",
        "--set", "inference.max-bach=8")
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("unknown setting inference.max-bach; did you mean inference.max-batch?");
  }
}
