package io.emostream.model.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.emostream.model.features.FeatureConfig;
import io.emostream.model.net.CrossModalEmotionNet;
import io.emostream.model.text.TokenizerConfig;
import java.util.List;
import java.util.Map;

/**
 * A model bundle's {@code manifest.json}.
 *
 * <p>{@code hyperParameters} stays a JSON tree because its shape depends on
 * {@code architecture}: a {@link io.emostream.model.net.NetConfig} for
 * {@code CrossModalEmotionNet}, input/output names for {@code torchscript}. Unknown fields are
 * ignored on reading, so later format additions do not break older readers of the same version.
 *
 * @param formatVersion   manifest format, {@value #FORMAT_VERSION} today
 * @param name            model name, reported with every prediction
 * @param version         model version
 * @param architecture    {@code CrossModalEmotionNet} or {@code torchscript}
 * @param hyperParameters architecture-specific settings
 * @param labels          class names in output order
 * @param features        log-mel settings (null for architectures that take raw audio)
 * @param tokenizer       tokenizer settings (null for audio-only architectures)
 * @param provenance      training data, date, seed, notes (may be null)
 * @param metrics         evaluation results, e.g. {@code {"ua": 0.61}}; empty when none
 * @param weights         weights file name inside the bundle (default {@value #DEFAULT_WEIGHTS})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
    Integer formatVersion,
    String name,
    String version,
    String architecture,
    JsonNode hyperParameters,
    List<String> labels,
    FeatureConfig features,
    TokenizerConfig tokenizer,
    Provenance provenance,
    Map<String, Double> metrics,
    String weights,
    Double temperature) {

  /** The manifest format this code reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** The weights file name when the manifest does not name one. */
  public static final String DEFAULT_WEIGHTS = "weights.params";

  /** The IEMOCAP 4-class convention (excited merged into happy). */
  public static final List<String> IEMOCAP_LABELS = List.of("neutral", "happy", "angry", "sad");

  /** A manifest without calibration (temperature 1). */
  public BundleManifest(Integer formatVersion, String name, String version, String architecture,
      JsonNode hyperParameters, List<String> labels, FeatureConfig features, TokenizerConfig tokenizer,
      Provenance provenance, Map<String, Double> metrics, String weights) {
    this(formatVersion, name, version, architecture, hyperParameters, labels, features, tokenizer, provenance,
        metrics, weights, null);
  }

  public BundleManifest {
    labels = labels == null ? null : List.copyOf(labels);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
  }

  /** The weights file name, {@value #DEFAULT_WEIGHTS} when not given. */
  public String weightsFile() {
    return weights == null || weights.isBlank() ? DEFAULT_WEIGHTS : weights;
  }

  /** True when this bundle is the built-in network. */
  public boolean isCrossModalEmotionNet() {
    return CrossModalEmotionNet.ARCHITECTURE.equals(architecture);
  }

  /** A copy with other metrics (the trainer fills them after evaluation). */
  public BundleManifest withMetrics(Map<String, Double> newMetrics) {
    return new BundleManifest(formatVersion, name, version, architecture, hyperParameters, labels, features,
        tokenizer, provenance, newMetrics, weights, temperature);
  }

  /** A copy with another provenance. */
  public BundleManifest withProvenance(Provenance newProvenance) {
    return new BundleManifest(formatVersion, name, version, architecture, hyperParameters, labels, features,
        tokenizer, newProvenance, metrics, weights, temperature);
  }

  /** A copy calibrated with {@code newTemperature} (logits are divided by it before the softmax). */
  public BundleManifest withTemperature(double newTemperature) {
    return new BundleManifest(formatVersion, name, version, architecture, hyperParameters, labels, features,
        tokenizer, provenance, metrics, weights, newTemperature);
  }

  /** The calibration temperature, 1 when the bundle has none. */
  public double calibrationTemperature() {
    return temperature == null || !(temperature > 0) ? 1.0 : temperature;
  }
}
