package io.emostream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DevRegistryJarTest {

  @TempDir
  Path repo;

  @Test
  void shouldPreferTheSystemPropertyOverEverythingElse() throws IOException {
    Path configured = touch(repo.resolve("elsewhere/registry.jar"));
    touch(repo.resolve("dev-registry/target/" + DevRegistryJar.FILE_NAME));

    Path found = DevRegistryJar.locate(configured.toString(), "/ignored.jar", null, repo);

    assertThat(found).isEqualTo(configured.toAbsolutePath());
  }

  @Test
  void shouldUseTheEnvironmentVariableWhenNoSystemPropertyIsSet() throws IOException {
    Path configured = touch(repo.resolve("from-env.jar"));

    assertThat(DevRegistryJar.locate(" ", configured.toString(), null, repo))
        .isEqualTo(configured.toAbsolutePath());
  }

  @Test
  void shouldNotFallBackWhenAConfiguredPathIsMissing() throws IOException {
    touch(repo.resolve("dev-registry/target/" + DevRegistryJar.FILE_NAME));
    Path typo = repo.resolve("typo.jar");

    assertThatThrownBy(() -> DevRegistryJar.locate(typo.toString(), null, null, repo))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(typo.toAbsolutePath().toString())
        .hasMessageContaining(DevRegistryJar.SYSTEM_PROPERTY)
        .hasMessageContaining(DevRegistryJar.BUILD_COMMAND);
  }

  /** Code locations: the build's classes, and the tools jar's class path (tools/target/lib/). */
  @ParameterizedTest
  @ValueSource(strings = {"embedded/target/classes", "tools/target/lib/emostream-embedded-0.1.0-SNAPSHOT.jar"})
  void shouldFindTheJarRelativeToWhereThisClassWasLoadedFrom(String codeLocation) throws IOException {
    Path jar = touch(repo.resolve("dev-registry/target/" + DevRegistryJar.FILE_NAME));
    Path unrelatedWorkDir = Files.createDirectories(repo.resolve("somewhere/else"));

    assertThat(DevRegistryJar.locate(null, null, repo.resolve(codeLocation), unrelatedWorkDir))
        .isEqualTo(jar.toAbsolutePath());
  }

  @Test
  void shouldFindTheJarFromAModuleWorkingDirectory() throws IOException {
    Path jar = touch(repo.resolve("dev-registry/target/" + DevRegistryJar.FILE_NAME));
    Path moduleDir = Files.createDirectories(repo.resolve("tools"));

    assertThat(DevRegistryJar.locate(null, null, null, moduleDir)).isEqualTo(jar.toAbsolutePath());
  }

  @Test
  void shouldNameEveryPathTriedAndTheBuildCommandWhenNothingIsFound() {
    Path embeddedJar = repo.resolve("tools/target/lib/emostream-embedded-0.1.0-SNAPSHOT.jar");

    assertThatThrownBy(() -> DevRegistryJar.locate(null, null, embeddedJar, repo))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Dev registry jar not found")
        .hasMessageContaining(repo.resolve("dev-registry/target/" + DevRegistryJar.FILE_NAME).toString())
        .hasMessageContaining(repo.getParent().resolve("dev-registry/target/" + DevRegistryJar.FILE_NAME).toString())
        .hasMessageContaining("./mvnw -pl dev-registry package")
        .hasMessageContaining(DevRegistryJar.ENV_VARIABLE);
  }

  private static Path touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "not really a jar");
  }
}
