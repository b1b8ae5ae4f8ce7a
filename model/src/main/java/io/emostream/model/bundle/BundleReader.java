package io.emostream.model.bundle;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.emostream.model.ModelException;
import io.emostream.model.net.CrossModalEmotionNet;
import io.emostream.model.net.NetConfig;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and validates model bundles. Every failure is a {@link ModelException} that names the
 * file or manifest key at fault and how to fix it.
 */
public final class BundleReader {

  /** The manifest's file name in every bundle. */
  public static final String MANIFEST = "manifest.json";

  private BundleReader() {}

  /** Reads {@code dir/manifest.json} and checks its format version and required fields. */
  public static BundleManifest readManifest(Path dir) {
    return readManifestFile(dir, BundleReader::parseManifest);
  }

  /** Parses and checks a manifest; {@code source} names it in errors. */
  public static BundleManifest parseManifest(InputStream in, String source) throws IOException {
    JsonNode tree = parseHeader(in, source);
    BundleManifest manifest;
    try {
      manifest = Manifests.JSON.treeToValue(tree, BundleManifest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ModelException(source + " is not a valid " + CrossModalEmotionNet.ARCHITECTURE + " manifest: "
          + rootMessage(e), e);
    }
    if (manifest.labels() == null || manifest.labels().isEmpty()) {
      throw new ModelException(source + " has no labels: list the class names in output order, e.g. "
          + BundleManifest.IEMOCAP_LABELS);
    }
    return manifest;
  }

  /**
   * The manifest in {@code dir} as a JSON tree, after the checks every architecture shares
   * (format version, architecture present); used to dispatch before an architecture-specific read.
   */
  public static JsonNode readHeader(Path dir) {
    return readManifestFile(dir, BundleReader::parseHeader);
  }

  /** Reads one of a manifest's parts from a stream; {@code source} names it in errors. */
  private interface ManifestParser<T> {
    T parse(InputStream in, String source) throws IOException;
  }

  private static <T> T readManifestFile(Path dir, ManifestParser<T> parser) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new ModelException("no " + MANIFEST + " in " + dir.toAbsolutePath()
          + ": a model bundle is a directory (or classpath prefix) holding manifest.json and its weights file;"
          + " check the bundle location");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parser.parse(in, file.toString());
    } catch (IOException e) {
      throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads JSON and checks {@code formatVersion} and {@code architecture}. */
  public static JsonNode parseHeader(InputStream in, String source) throws IOException {
    JsonNode tree;
    try {
      tree = Manifests.JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new ModelException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new ModelException(source + " is not a JSON object: a manifest starts with {\"formatVersion\": 1, ...}");
    }
    JsonNode format = tree.get("formatVersion");
    if (format == null || !format.canConvertToInt()) {
      throw new ModelException(source + " has no formatVersion: add \"formatVersion\": "
          + BundleManifest.FORMAT_VERSION);
    }
    if (format.asInt() > BundleManifest.FORMAT_VERSION) {
      throw new ModelException(source + " has formatVersion " + format.asInt() + ", newer than this emostream reads ("
          + BundleManifest.FORMAT_VERSION + "): upgrade emostream or export the bundle with formatVersion "
          + BundleManifest.FORMAT_VERSION);
    }
    if (format.asInt() < 1) {
      throw new ModelException(source + " has unknown formatVersion " + format.asInt() + ": the first format is 1");
    }
    String architecture = tree.path("architecture").asText("");
    if (architecture.isBlank()) {
      throw new ModelException(source + " has no architecture: use \"" + CrossModalEmotionNet.ARCHITECTURE
          + "\" or \"torchscript\"");
    }
    return tree;
  }

  /**
   * The network settings of a {@code CrossModalEmotionNet} bundle, checked against its labels,
   * features and tokenizer.
   */
  public static NetConfig netConfig(BundleManifest manifest, Path dir) {
    String where = dir.resolve(MANIFEST).toString();
    if (manifest.hyperParameters() == null) {
      throw new ModelException(where + " has no hyperParameters: a " + CrossModalEmotionNet.ARCHITECTURE
          + " bundle needs dModel, heads, audioLayers, textLayers, ... (see NetConfig)");
    }
    NetConfig net;
    try {
      net = Manifests.JSON.treeToValue(manifest.hyperParameters(), NetConfig.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ModelException(where + ": hyperParameters are invalid: " + rootMessage(e), e);
    }
    if (net.numClasses() != manifest.labels().size()) {
      throw new ModelException(where + ": hyperParameters.numClasses " + net.numClasses() + " but "
          + manifest.labels().size() + " labels " + manifest.labels() + ": they must agree");
    }
    if (manifest.features() == null || manifest.features().melBins() != net.melBins()) {
      throw new ModelException(where + ": features.melBins must equal hyperParameters.melBins ("
          + net.melBins() + "), got " + (manifest.features() == null ? "no features" : manifest.features().melBins()));
    }
    if (manifest.tokenizer() == null) {
      throw new ModelException(where + " has no tokenizer: add {\"type\": \"subword-hash\", \"buckets\": "
          + net.vocabSize() + ", \"maxTokens\": " + net.maxTokens() + "}");
    }
    return net;
  }

  /**
   * Loads {@code file} (DJL parameter format) into an initialised {@code block} and checks
   * every parameter's shape against what the block's hyper-parameters define.
   */
  public static void loadWeights(Block block, NDManager manager, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ModelException("weights file " + file.toAbsolutePath() + " is missing: the manifest's"
          + " \"weights\" names it (default " + BundleManifest.DEFAULT_WEIGHTS + "); copy it into the bundle");
    }
    Map<String, Shape> expected = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      expected.put(p.getKey(), p.getValue().getArray().getShape());
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      block.loadParameters(manager, in);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      throw new ModelException("weights do not match hyperParameters: " + file + " could not be loaded into a "
          + "network of this manifest's hyperParameters (" + rootMessage(e) + "); use the manifest that was"
          + " written with these weights", e);
    }
    for (Pair<String, Parameter> p : block.getParameters()) {
      Shape actual = p.getValue().getArray().getShape();
      Shape want = expected.get(p.getKey());
      if (!actual.equals(want)) {
        throw new ModelException("weights do not match hyperParameters: parameter " + p.getKey() + " has shape "
            + actual + " in " + file + " but the manifest's hyperParameters give " + want
            + "; use the manifest that was written with these weights");
      }
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
