package io.emostream.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LN transformer encoder layer: {@code x + attn(LN(x))}, then {@code x + FF(LN(x))}.
 *
 * <p>Written here rather than using DJL's {@code TransformerEncoderBlock}, which normalises with
 * BatchNorm (statistics over the padded batch) and post-LN; pre-LN trains stably without
 * warm-up on small data. Inputs: {@code [x (B, T, D), additive key mask (B, 1, 1, T)]};
 * output: {@code [x' (B, T, D)]}.
 */
final class PreLnEncoderLayer extends AbstractBlock {

  private final int dModel;
  private final int ffDim;
  private final LayerNorm attentionNorm;
  private final ScaledDotProductAttentionBlock attention;
  private final LayerNorm feedForwardNorm;
  private final Linear feedForwardIn;
  private final Linear feedForwardOut;
  private final Dropout dropout;

  PreLnEncoderLayer(int dModel, int heads, int ffDim, float dropout) {
    this.dModel = dModel;
    this.ffDim = ffDim;
    attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
    attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder()
        .setEmbeddingSize(dModel).setHeadCount(heads).optAttentionProbsDropoutProb(dropout).build());
    feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    feedForwardIn = addChildBlock("feedForwardIn", Linear.builder().setUnits(ffDim).build());
    feedForwardOut = addChildBlock("feedForwardOut", Linear.builder().setUnits(dModel).build());
    this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray keyMask = inputs.get(1);
    NDArray normed = attentionNorm.forward(store, new NDList(x), training, params).head();
    NDArray attended = attention.forward(store, new NDList(normed, normed, normed, keyMask), training, params)
        .head();
    x = x.add(dropout.forward(store, new NDList(attended), training, params).head());
    NDArray hidden = feedForwardNorm.forward(store, new NDList(x), training, params).head();
    hidden = Activation.gelu(feedForwardIn.forward(store, new NDList(hidden), training, params).head());
    hidden = feedForwardOut.forward(store, new NDList(hidden), training, params).head();
    return new NDList(x.add(dropout.forward(store, new NDList(hidden), training, params).head()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape sequence = new Shape(1, 1, dModel);
    attentionNorm.initialize(manager, dataType, sequence);
    attention.initialize(manager, dataType, sequence);
    feedForwardNorm.initialize(manager, dataType, sequence);
    feedForwardIn.initialize(manager, dataType, sequence);
    feedForwardOut.initialize(manager, dataType, new Shape(1, 1, ffDim));
    dropout.initialize(manager, dataType, sequence);
  }
}
