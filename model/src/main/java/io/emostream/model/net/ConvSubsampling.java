package io.emostream.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Convolutional time subsampling of log-mel frames: {@code n} stride-2 Conv1d layers (kernel 3,
 * padding 1, GELU), so time shrinks by {@code 2^n} and channels become {@code dModel}.
 *
 * <p>Inputs: {@code [features (B, T, mel), lengths (B) float]}; outputs:
 * {@code [(B, T', D), lengths' (B)]}. Padded frames are zeroed before every convolution, which
 * makes a padded utterance see exactly the zeros its own convolution padding would give, so its
 * valid outputs do not depend on what else is in the batch.
 */
final class ConvSubsampling extends AbstractBlock {

  private final int melBins;
  private final int dModel;
  private final List<Conv1d> convs = new ArrayList<>();

  ConvSubsampling(int melBins, int dModel, int stages) {
    this.melBins = melBins;
    this.dModel = dModel;
    for (int i = 0; i < stages; i++) {
      convs.add(addChildBlock("conv" + i, Conv1d.builder()
          .setKernelShape(new Shape(3)).optStride(new Shape(2)).optPadding(new Shape(1)).setFilters(dModel)
          .build()));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0).transpose(0, 2, 1);
    NDArray lengths = inputs.get(1);
    for (Conv1d conv : convs) {
      NDArray mask = Masks.fromLengths(lengths, x.getShape().get(2)).expandDims(1);
      x = Activation.gelu(conv.forward(store, new NDList(x.mul(mask)), training, params).head());
      lengths = Masks.halve(lengths);
    }
    NDArray mask = Masks.fromLengths(lengths, x.getShape().get(2)).expandDims(1);
    return new NDList(x.mul(mask).transpose(0, 2, 1), lengths);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long t = inputShapes[0].get(1);
    for (int i = 0; i < convs.size(); i++) {
      t = t < 0 ? t : (t - 1) / 2 + 1;
    }
    return new Shape[] {new Shape(inputShapes[0].get(0), t, dModel), inputShapes[1]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long channels = melBins;
    for (Conv1d conv : convs) {
      conv.initialize(manager, dataType, new Shape(1, channels, 16));
      channels = dModel;
    }
  }
}
