package io.emostream.model.training;

import ai.djl.nn.Block;
import io.emostream.model.bundle.BundleLocation;
import io.emostream.model.bundle.BundleManifest;
import io.emostream.model.bundle.BundleReader;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.features.FeatureConfig;
import io.emostream.model.net.NetConfig;
import java.util.regex.Pattern;

/**
 * Where a training run starts: random weights, or the weights of an existing bundle
 * ({@code emostream train --init}), so that a trained model can be taught something new in a few
 * epochs instead of being trained again from nothing. The bundle must have been built with the
 * same network and front end, or its weights would mean something else.
 *
 * <p>A fine-tune can keep the voice as it is ({@code freezeVoice}): the audio encoder and the audio
 * head are not trained, only what fuses the voice with the words. Material that teaches fusion
 * (a flat voice must not move what the words say) would otherwise also teach the audio encoder to
 * hear less, and the acted anger it read before would go with it.
 *
 * @param location    a bundle directory or {@code classpath:} prefix, {@code null} for random weights
 * @param freezeVoice whether the audio encoder and the audio head keep the starting weights
 */
public record StartingWeights(String location, boolean freezeVoice) {

  /** Random initialisation from the seed. */
  public static final StartingWeights RANDOM = new StartingWeights(null, false);

  /** The child blocks of {@code CrossModalEmotionNet} that read the voice alone (DJL numbers child names). */
  private static final Pattern VOICE = Pattern.compile(
      "\\d*(subsampling|audioLayer\\d+|audioNorm|audioHead)");

  public StartingWeights {
    if (freezeVoice && location == null) {
      throw new IllegalArgumentException("--freeze-voice needs --init: a random voice cannot be kept");
    }
  }

  /** Stops training the voice's own blocks of {@code network} when asked to. */
  void freezeVoice(Block network) {
    if (!freezeVoice) {
      return;
    }
    int frozen = 0;
    for (var child : network.getChildren()) {
      if (VOICE.matcher(child.getKey()).matches()) {
        child.getValue().freezeParameters(true);
        frozen++;
      }
    }
    if (frozen == 0) {
      throw new IllegalStateException("--freeze-voice found no voice blocks (" + VOICE.pattern() + ") among "
          + network.getChildren().keys() + ": the network is not a CrossModalEmotionNet");
    }
  }

  /**
   * Whether the run starts from trained weights. Such a run keeps its last epoch rather than the
   * one with the best dev UA: the start already reads the dev split, and what the run is for (new
   * material) is what the dev split does not measure, so "best dev UA" would often pick the start.
   */
  boolean isFineTuning() {
    return location != null;
  }

  /** Loads the starting weights into {@code model}; says in one line where it started. */
  String applyTo(DjlEmotionModel model, NetConfig net, FeatureConfig features) {
    if (location == null) {
      return "random initialisation";
    }
    try (BundleLocation bundle = BundleLocation.resolve(location)) {
      BundleManifest manifest = BundleReader.readManifest(bundle.directory());
      NetConfig theirs = BundleReader.netConfig(manifest, bundle.directory());
      if (!theirs.equals(net)) {
        throw new IllegalArgumentException("--init " + location + " holds a network built as " + theirs
            + " but this run builds " + net + ": pass the --size and --robust it was trained with");
      }
      if (!manifest.features().equals(features)) {
        throw new IllegalArgumentException("--init " + location + " was trained on features " + manifest.features()
            + " but this run computes " + features + ": pass --robust exactly when it was trained with it");
      }
      BundleReader.loadWeights(model.network(), model.djlModel().getNDManager(),
          bundle.directory().resolve(manifest.weightsFile()));
      return "started from " + manifest.name() + " " + manifest.version() + " (" + location + ")"
          + (freezeVoice ? ", voice frozen" : "");
    }
  }
}
