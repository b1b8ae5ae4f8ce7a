package io.emostream.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Mask arithmetic shared by the net's blocks. Masks are float, 1 = valid, 0 = padding. */
final class Masks {

  /** Added to attention scores of padded keys: far below any real score, still finite in float32. */
  private static final float MASKED_SCORE = -1e9f;

  private Masks() {}

  /** (B, T) mask that is 1 where position {@code < lengths[b]}; {@code lengths} is (B) float. */
  static NDArray fromLengths(NDArray lengths, long t) {
    NDManager m = lengths.getManager();
    NDArray positions = m.arange(0f, (float) t, 1f).expandDims(0);
    return positions.lt(lengths.expandDims(1)).toType(DataType.FLOAT32, false);
  }

  /** Lengths after a stride-2, kernel-3, padding-1 convolution: {@code floor((n - 1) / 2) + 1}, 0 stays 0. */
  static NDArray halve(NDArray lengths) {
    return lengths.sub(1f).div(2f).floor().add(1f).maximum(0f);
  }

  /**
   * The (B, T) mask of a possibly absent modality: valid frames where present, and only the
   * first position (which will hold the learned absent embedding) where {@code present} is 0.
   */
  static NDArray withAbsentSlot(NDArray lengthMask, NDArray present) {
    NDManager m = lengthMask.getManager();
    long t = lengthMask.getShape().get(1);
    NDArray first = m.arange(0f, (float) t, 1f).eq(0f).toType(DataType.FLOAT32, false).expandDims(0);
    return lengthMask.mul(present.expandDims(1)).add(first.mul(present.expandDims(1).neg().add(1f)));
  }

  /** (B, 1, 1, T) additive attention mask: 0 for valid keys, a huge negative score for padding. */
  static NDArray additive(NDArray mask) {
    return mask.neg().add(1f).mul(MASKED_SCORE).expandDims(1).expandDims(1);
  }
}
