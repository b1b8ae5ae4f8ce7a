package io.emostream.model.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emostream.model.features.FeatureConfig;
import io.emostream.model.net.CrossModalEmotionNet;
import io.emostream.model.net.NetConfig;
import io.emostream.model.text.TokenizerConfig;

/** JSON mapping of manifests and a builder for the built-in network's manifest. */
public final class Manifests {

  /** Shared, thread-safe once configured. */
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Manifests() {}

  /**
   * A {@code CrossModalEmotionNet} manifest with IEMOCAP labels, default features and a
   * subword-hash tokenizer sized to {@code net}; provenance says "random initialisation".
   */
  public static BundleManifest crossModal(String name, String version, NetConfig net, long seed) {
    return crossModal(name, version, net, new FeatureConfig(16_000, 400, 160, 512, net.melBins(), 0.0, 8_000.0,
        1e-10), seed);
  }

  /** {@link #crossModal(String, String, NetConfig, long)} with the given front end. */
  public static BundleManifest crossModal(String name, String version, NetConfig net, FeatureConfig features,
      long seed) {
    return new BundleManifest(BundleManifest.FORMAT_VERSION, name, version, CrossModalEmotionNet.ARCHITECTURE,
        JSON.valueToTree(net), BundleManifest.IEMOCAP_LABELS, features,
        TokenizerConfig.subwordHash(net.vocabSize(), net.maxTokens()),
        new Provenance("none (random initialisation)", null, seed, null), null, BundleManifest.DEFAULT_WEIGHTS);
  }
}
