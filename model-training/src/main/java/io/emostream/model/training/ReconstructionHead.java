package io.emostream.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * VAVL-style unimodal reconstruction heads: small MLPs that predict the pooled text embedding from
 * the pooled audio embedding and the reverse. Training them jointly with the network asks each
 * modality's encoder to carry what the other would have said, which is what lets one modality
 * stand in when the other is missing.
 *
 * <p>A separate block rather than part of {@code CrossModalEmotionNet}: inference never needs it,
 * so bundles stay unchanged. Inputs {@code [audio (B, E), text (B, E)]}; outputs
 * {@code [textFromAudio (B, E), audioFromText (B, E)]}.
 */
public final class ReconstructionHead extends AbstractBlock {

  private final int embedding;
  private final Linear audioHidden;
  private final Linear audioOut;
  private final Linear textHidden;
  private final Linear textOut;

  public ReconstructionHead(int embedding, int hidden) {
    this.embedding = embedding;
    audioHidden = addChildBlock("audioHidden", Linear.builder().setUnits(hidden).build());
    audioOut = addChildBlock("audioOut", Linear.builder().setUnits(embedding).build());
    textHidden = addChildBlock("textHidden", Linear.builder().setUnits(hidden).build());
    textOut = addChildBlock("textOut", Linear.builder().setUnits(embedding).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray h = Activation.gelu(audioHidden.forward(store, new NDList(inputs.get(0)), training, params).head());
    NDArray textFromAudio = audioOut.forward(store, new NDList(h), training, params).head();
    NDArray g = Activation.gelu(textHidden.forward(store, new NDList(inputs.get(1)), training, params).head());
    NDArray audioFromText = textOut.forward(store, new NDList(g), training, params).head();
    return new NDList(textFromAudio, audioFromText);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[1], inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = new Shape(1, embedding);
    audioHidden.initialize(manager, dataType, in);
    audioOut.initialize(manager, dataType, audioHidden.getOutputShapes(new Shape[] {in}));
    textHidden.initialize(manager, dataType, in);
    textOut.initialize(manager, dataType, textHidden.getOutputShapes(new Shape[] {in}));
  }
}
