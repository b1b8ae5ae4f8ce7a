package io.emostream.model.bundle;

import ai.djl.nn.Block;
import io.emostream.model.ModelException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes model bundles: {@code manifest.json} plus the block's parameters in DJL's format. Used
 * by the trainer and by tests; the result loads with {@link BundleReader} and
 * {@code EmotionModels.load}.
 */
public final class BundleWriter {

  private BundleWriter() {}

  /**
   * Writes {@code manifest} and the parameters of {@code block} into {@code dir} (created when
   * missing; existing files of the same names are replaced). A tokenizer file the manifest names
   * must be copied in by the caller.
   */
  public static void write(Path dir, BundleManifest manifest, Block block) {
    try {
      Files.createDirectories(dir);
      Manifests.JSON.writeValue(dir.resolve(BundleReader.MANIFEST).toFile(), manifest);
      Path weights = dir.resolve(manifest.weightsFile());
      try (OutputStream file = Files.newOutputStream(weights);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
        block.saveParameters(out);
      }
    } catch (IOException e) {
      throw new ModelException("cannot write model bundle to " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
