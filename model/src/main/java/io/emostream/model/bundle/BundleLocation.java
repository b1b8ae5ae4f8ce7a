package io.emostream.model.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.emostream.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bundle as a local directory: the given path, or a temporary copy of a classpath bundle
 * ({@code classpath:io/emostream/models/demo}) because DJL and the tokenizer read files.
 *
 * <p>Classpath directories cannot be listed inside jars, so the copy takes the files the
 * manifest names (see {@link #namedFiles}).
 * Close it to delete a temporary copy; after loading nothing reads the files again.
 *
 * @param directory the bundle directory
 * @param temporary whether {@link #close} deletes it
 */
public record BundleLocation(Path directory, boolean temporary) implements AutoCloseable {

  /** The prefix that marks a classpath location. */
  public static final String CLASSPATH = "classpath:";

  /** Resolves {@code location}: a directory path, or {@code classpath:} plus a resource prefix. */
  public static BundleLocation resolve(String location) {
    if (location == null || location.isBlank()) {
      throw new ModelException("no model bundle location given: use a directory path or classpath:<prefix>");
    }
    if (!location.startsWith(CLASSPATH)) {
      Path dir = Path.of(location);
      if (!Files.isDirectory(dir)) {
        throw new ModelException("model bundle directory " + dir.toAbsolutePath() + " does not exist;"
            + " point the location at a directory with manifest.json, or use classpath:<prefix>");
      }
      return new BundleLocation(dir, false);
    }
    return copyFromClasspath(location.substring(CLASSPATH.length()));
  }

  private static BundleLocation copyFromClasspath(String rawPrefix) {
    String prefix = rawPrefix.replaceAll("^/+", "").replaceAll("/+$", "");
    ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : BundleLocation.class.getClassLoader();
    String manifestResource = prefix + "/" + BundleReader.MANIFEST;
    JsonNode manifest;
    try (InputStream in = loader.getResourceAsStream(manifestResource)) {
      if (in == null) {
        throw new ModelException("no " + BundleReader.MANIFEST + " at classpath:" + prefix
            + " (looked for resource " + manifestResource + "): check the prefix and that the bundle is packaged");
      }
      manifest = BundleReader.parseHeader(in, "classpath:" + manifestResource);
    } catch (IOException e) {
      throw new ModelException("cannot read classpath:" + manifestResource + ": " + e.getMessage(), e);
    }
    List<String> files = namedFiles(manifest);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("emostream-bundle-");
      for (String name : files) {
        try (InputStream in = loader.getResourceAsStream(prefix + "/" + name)) {
          if (in != null) {
            Path target = dir.resolve(name).normalize();
            if (!target.startsWith(dir)) {
              throw new ModelException("classpath:" + prefix + " manifest names file '" + name
                  + "' outside the bundle; use a plain file name");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return new BundleLocation(dir, true);
    } catch (IOException e) {
      new BundleLocation(dir, true).close();
      throw new ModelException("cannot copy classpath:" + prefix + " to a temporary directory: " + e.getMessage(), e);
    }
  }

  /**
   * The files a manifest names, whatever its architecture: {@code weights} (default
   * {@value BundleManifest#DEFAULT_WEIGHTS}), {@code file} (a TorchScript model) and the tokenizer
   * file ({@code tokenizer.file}, or {@code tokenizer} when it is a plain file name).
   */
  static List<String> namedFiles(JsonNode manifest) {
    List<String> files = new ArrayList<>();
    files.add(BundleReader.MANIFEST);
    files.add(manifest.path("weights").asText(BundleManifest.DEFAULT_WEIGHTS));
    if (manifest.path("file").isTextual()) {
      files.add(manifest.get("file").asText());
    }
    JsonNode tokenizer = manifest.path("tokenizer");
    if (tokenizer.isTextual()) {
      files.add(tokenizer.asText());
    } else if (tokenizer.path("file").isTextual()) {
      files.add(tokenizer.get("file").asText());
    }
    return files;
  }

  @Override
  public void close() {
    if (!temporary || directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temp copy only costs disk space; never fail a successful load for it.
      directory.toFile().deleteOnExit();
    }
  }
}
