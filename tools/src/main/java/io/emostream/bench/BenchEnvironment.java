package io.emostream.bench;

import io.emostream.embedded.DevRegistry;
import io.emostream.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmark's infrastructure: the in-process Kafka broker, the dev schema registry (a real
 * Confluent-compatible registry in a child JVM, as users run the app against), and a scratch
 * directory for state stores and the random model, removed on {@link #close()}.
 */
final class BenchEnvironment implements AutoCloseable {

  private final EmbeddedKafka kafka;
  private final DevRegistry registry;
  private final Path workDir;

  private BenchEnvironment(EmbeddedKafka kafka, DevRegistry registry, Path workDir) {
    this.kafka = kafka;
    this.registry = registry;
    this.workDir = workDir;
  }

  /** Starts the broker and the registry; stops what did start if the other fails. */
  static BenchEnvironment start() {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("emostream-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a scratch directory for the benchmark", e);
    }
    EmbeddedKafka kafka = EmbeddedKafka.start();
    try {
      return new BenchEnvironment(kafka, DevRegistry.start(), workDir);
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  String registryUrl() {
    return registry.url();
  }

  Path workDir() {
    return workDir;
  }

  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      kafka.close();
      deleteRecursively(workDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a scratch directory left in the temp folder is harmless; the results are already written
    }
  }
}
