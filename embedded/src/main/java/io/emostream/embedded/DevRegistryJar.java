package io.emostream.embedded;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the dev registry's runnable jar ({@value #FILE_NAME}, built by the {@code dev-registry}
 * module) so that the demo and the integration tests work from the IDE, from Maven and from
 * {@code tools/target/emostream-tools.jar} alike.
 *
 * <p>Looked for, first hit wins: system property {@value #SYSTEM_PROPERTY}, environment variable
 * {@value #ENV_VARIABLE}, then relative to where this class was loaded from
 * ({@code embedded/target/classes/} in a build, {@code tools/target/lib/emostream-embedded-*.jar}
 * when the tools jar runs), then {@code dev-registry/target/} and {@code ../dev-registry/target/}
 * under the working directory.
 * An explicitly configured path that does not exist is an error rather than a reason to look
 * elsewhere: silently starting some other build would hide a typo.
 */
public final class DevRegistryJar {

  /** System property naming the runner jar; streams-app's surefire/failsafe set it. */
  public static final String SYSTEM_PROPERTY = "emostream.dev-registry.jar";
  /** Environment variable naming the runner jar, for runs outside Maven. */
  public static final String ENV_VARIABLE = "EMOSTREAM_DEV_REGISTRY_JAR";
  /** File name of the jar the dev-registry module builds. */
  public static final String FILE_NAME = "emostream-dev-registry-runner.jar";
  /** The command that builds the jar, quoted in error messages. */
  public static final String BUILD_COMMAND = "./mvnw -pl dev-registry package";

  private static final Path RELATIVE = Path.of("dev-registry", "target", FILE_NAME);

  private DevRegistryJar() {}

  /**
   * Locates the jar from this process's system properties, environment, code location and
   * working directory.
   *
   * @return an existing regular file, never null
   * @throws IllegalStateException naming every path tried and the build command when none exists
   */
  public static Path locate() {
    return locate(
        System.getProperty(SYSTEM_PROPERTY),
        System.getenv(ENV_VARIABLE),
        codeLocation().orElse(null),
        Path.of("").toAbsolutePath());
  }

  /**
   * Locates the jar from explicit inputs; the testable core of {@link #locate()}.
   *
   * @param systemProperty value of {@value #SYSTEM_PROPERTY}, or null/blank when unset
   * @param envVariable value of {@value #ENV_VARIABLE}, or null/blank when unset
   * @param codeLocation the jar or classes directory this class was loaded from, or null if unknown
   * @param workingDirectory the directory relative paths start from, not null
   * @return an existing regular file, never null
   * @throws IllegalStateException when a configured path is missing or no candidate exists
   */
  static Path locate(String systemProperty, String envVariable, Path codeLocation,
      Path workingDirectory) {
    if (isSet(systemProperty)) {
      return requireExisting(Path.of(systemProperty.trim()), "system property " + SYSTEM_PROPERTY);
    }
    if (isSet(envVariable)) {
      return requireExisting(Path.of(envVariable.trim()), "environment variable " + ENV_VARIABLE);
    }
    Set<Path> candidates = new LinkedHashSet<>();
    if (codeLocation != null && codeLocation.toAbsolutePath().getParent() != null) {
      // classes/ lives in <module>/target/, so the repo root is two levels up; a jar in
      // <module>/target/lib/ (the tools jar's class path) is three levels below it. Normalised
      // lexically because the OS refuses ".." through directories that do not exist
      Path parent = codeLocation.toAbsolutePath().getParent();
      candidates.add(parent.resolve("../..").resolve(RELATIVE).normalize());
      candidates.add(parent.resolve("../../..").resolve(RELATIVE).normalize());
    }
    candidates.add(workingDirectory.toAbsolutePath().resolve(RELATIVE).normalize());
    candidates.add(workingDirectory.toAbsolutePath().resolve("..").resolve(RELATIVE).normalize());
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    StringBuilder message = new StringBuilder("Dev registry jar not found. Tried:");
    candidates.forEach(c -> message.append("\n  ").append(c));
    message.append("\nBuild it with `").append(BUILD_COMMAND).append("` from the repository root,")
        .append(" or point -D").append(SYSTEM_PROPERTY).append(" or ").append(ENV_VARIABLE)
        .append(" at an existing ").append(FILE_NAME).append('.');
    throw new IllegalStateException(message.toString());
  }

  private static Path requireExisting(Path jar, String source) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Dev registry jar " + jar.toAbsolutePath() + " (from " + source
          + ") does not exist. Build it with `" + BUILD_COMMAND
          + "` from the repository root, or fix the path.");
    }
    return jar.toAbsolutePath().normalize();
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** Where this class was loaded from: target/classes/, or target/lib/emostream-embedded-*.jar of the tools. */
  private static Optional<Path> codeLocation() {
    try {
      CodeSource source = DevRegistryJar.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
