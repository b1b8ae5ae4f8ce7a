package io.emostream.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Bag-of-pieces token embedding: each token's vector is the mean of the embedding rows of its
 * ids (a word's hash ids and n-gram ids, or a single tokenizer id).
 *
 * <p>Inputs: {@code [ids (B, T, K) int64, pieceMask (B, T, K) float]}; output {@code [(B, T, D)]}.
 * Padded pieces (mask 0) add nothing; a fully padded token becomes the zero vector.
 */
final class HashedBagEmbedding extends AbstractBlock {

  private final int dModel;
  private final Parameter weight;

  HashedBagEmbedding(int vocabSize, int dModel) {
    this.dModel = dModel;
    weight = addParameter(Parameter.builder()
        .setName("weight").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(vocabSize, dModel))
        .optInitializer(new NormalInitializer(0.1f))
        .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    NDArray mask = inputs.get(1).expandDims(3);
    NDArray table = store.getValue(weight, ids.getDevice(), training);
    NDArray vectors = Embedding.embedding(ids, table, SparseFormat.DENSE).head();
    NDArray sum = vectors.mul(mask).sum(new int[] {2});
    NDArray count = mask.sum(new int[] {2}).maximum(1f);
    return new NDList(sum.div(count));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), dModel)};
  }
}
