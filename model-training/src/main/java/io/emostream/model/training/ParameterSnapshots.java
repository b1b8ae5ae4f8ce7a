package io.emostream.model.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * In-memory copies of a block's weights, for keeping the best epoch during early stopping.
 * Serialised bytes rather than array copies: restoring then replaces the arrays wholesale,
 * which is safe on tensors that autograd has marked as requiring gradients.
 */
final class ParameterSnapshots {

  private ParameterSnapshots() {}

  static byte[] save(Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot snapshot weights in memory", e);
    }
    return bytes.toByteArray();
  }

  /** Restores {@code snapshot} into {@code block}; does nothing when it is {@code null}. */
  static void restore(Block block, byte[] snapshot, NDManager manager) {
    if (snapshot == null) {
      return;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      block.loadParameters(manager, in);
    } catch (IOException | MalformedModelException e) {
      throw new IllegalStateException("cannot restore the best epoch's weights: " + e.getMessage(), e);
    }
  }
}
