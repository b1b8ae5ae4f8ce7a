package io.emostream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures of the launcher; the happy path needs the real jar and lives in DevRegistryIT. */
class DevRegistryTest {

  @TempDir
  Path dir;

  @Test
  void shouldReportExitCodeAndLogTailWhenTheChildDiesBeforeAnswering() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("broken-runner.jar"), "this is not a zip file");

    assertThatThrownBy(() -> DevRegistry.start(notAJar, dir, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining(dir.toString())
        // the JVM's own complaint, copied from the child's log
        .hasMessageContaining("broken-runner.jar");
  }

  @Test
  void shouldRejectANonPositiveTimeout() throws IOException {
    Path jar = Files.writeString(dir.resolve("any.jar"), "");

    assertThatThrownBy(() -> DevRegistry.start(jar, dir, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
  }

  @Test
  void shouldStartTheChildOnLoopbackWithTheGivenPortAndAModestHeap() {
    var command = DevRegistry.command(Path.of("/jdk/bin/java"), Path.of("/x/registry.jar"), 4242);

    assertThat(command).startsWith("/jdk/bin/java").endsWith("-jar", "/x/registry.jar")
        .contains("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=4242", "-Xmx256m");
  }
}
