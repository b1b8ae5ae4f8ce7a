package io.emostream.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample calls shipped in the jar (two-channel agent/customer dialogues made with
 * {@code emostream corpus calls}), copied out to a directory so they replay like a user's own.
 */
final class BundledCalls {

  static final String ROOT = "/io/emostream/demo/calls/";

  private BundledCalls() {}

  /** Copies the bundled calls into {@code target} and returns it. */
  static Path extractTo(Path target) {
    try {
      Files.createDirectories(target);
      for (String id : index()) {
        for (String suffix : List.of(".json", ".wav")) {
          try (InputStream in = open(id + suffix)) {
            Files.copy(in, target.resolve(id + suffix), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not extract the bundled demo calls to " + target, e);
    }
  }

  /** Call ids listed in the bundle's {@code index.txt}, one per line. */
  static List<String> index() throws IOException {
    try (InputStream in = open("index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = BundledCalls.class.getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new IOException("the jar has no " + ROOT + name + "; rebuild with ./mvnw package");
    }
    return in;
  }
}
