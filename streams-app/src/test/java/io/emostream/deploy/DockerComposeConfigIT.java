package io.emostream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} is valid for the Compose client: services, dependencies, volumes
 * and health checks parse. Needs a Compose client ({@code .ci/run} installs Debian's
 * docker-compose); validation needs no Docker engine. Running the stack does, so it is not
 * started here.
 */
class DockerComposeConfigIT {

  private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

  @Test
  void shouldBeAValidComposeFileWithTheWholeStack() throws Exception {
    List<String> client = composeClient();
    assumeTrue(client != null, "no Compose client (apt-get install docker-compose)");
    List<String> command = new java.util.ArrayList<>(client);
    command.addAll(List.of("-f", COMPOSE_FILE.toString(), "config", "--services"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines().toList()).contains("kafka", "schema-registry", "emostream", "connect", "postgres");
    assertThat(Files.readString(COMPOSE_FILE)).contains("apache/kafka:", "confluentinc/cp-schema-registry:");
  }

  private static List<String> composeClient() {
    for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
      try {
        List<String> version = new java.util.ArrayList<>(candidate);
        version.add("version");
        Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
        if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException | InterruptedException e) {
        // not this one
      }
    }
    return null;
  }
}
