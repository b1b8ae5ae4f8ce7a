package io.emostream.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Cross-modal multi-head attention: one modality's positions query the other's, with residual
 * and LayerNorm: {@code LN(q + attn(query=q, key=value=kv))}.
 *
 * <p>Inputs: {@code [queries (B, Tq, D), keysValues (B, Tk, D), additive key mask (B, 1, 1, Tk)]};
 * output {@code [(B, Tq, D)]}. DJL's attention block takes its inputs as
 * {@code [key, query, value, mask]}.
 */
final class CrossAttentionLayer extends AbstractBlock {

  private final int dModel;
  private final ScaledDotProductAttentionBlock attention;
  private final Dropout dropout;
  private final LayerNorm norm;

  CrossAttentionLayer(int dModel, int heads, float dropout) {
    this.dModel = dModel;
    attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder()
        .setEmbeddingSize(dModel).setHeadCount(heads).optAttentionProbsDropoutProb(dropout).build());
    this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
    norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray queries = inputs.get(0);
    NDArray keysValues = inputs.get(1);
    NDArray keyMask = inputs.get(2);
    NDArray attended = attention.forward(store, new NDList(keysValues, queries, keysValues, keyMask), training,
        params).head();
    attended = dropout.forward(store, new NDList(attended), training, params).head();
    return norm.forward(store, new NDList(queries.add(attended)), training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape sequence = new Shape(1, 1, dModel);
    attention.initialize(manager, dataType, sequence, sequence, sequence);
    dropout.initialize(manager, dataType, sequence);
    norm.initialize(manager, dataType, sequence);
  }
}
