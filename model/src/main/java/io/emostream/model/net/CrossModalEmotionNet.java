package io.emostream.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in speech + text emotion network.
 *
 * <p>Audio: log-mel frames, convolutional subsampling, sinusoidal positions, pre-LN transformer
 * layers. Text: bag-of-pieces embeddings, positions, pre-LN layers. Then cross-modal attention
 * both ways (audio queries over text, text queries over audio), masked mean+std pooling per
 * modality, concatenation, an MLP, a class head and a valence/arousal head.
 *
 * <p>A missing modality (length 0) is replaced after its encoder by a learned "absent" sequence
 * of length 1, so attention and pooling stay defined and one modality alone still predicts.
 * Padding never changes a row's result: masks cover convolutions, attention keys and pooling.
 *
 * <p>Inputs, in this order: {@code features (B, Tf, mel) float}, {@code featureLengths (B) float}
 * (0 = no audio), {@code tokenIds (B, Tt, K) int64}, {@code pieceMask (B, Tt, K) float},
 * {@code tokenLengths (B) float} (0 = no text). Every sequence axis must be at least 1 long.
 * Outputs: {@code logits (B, C)}, {@code valenceArousal (B, 2)} (tanh valence in [-1, 1], sigmoid
 * arousal in [0, 1]), {@code audioEmbedding (B, 2D)} and {@code textEmbedding (B, 2D)} (pooled
 * mean and std after cross-attention, for the trainer's contrastive and reconstruction losses).
 */
public final class CrossModalEmotionNet extends AbstractBlock {

  /** The manifest's {@code architecture} value for this network. */
  public static final String ARCHITECTURE = "CrossModalEmotionNet";

  private static final float STD_EPSILON = 1e-5f;

  private final NetConfig config;
  private final ConvSubsampling subsampling;
  private final List<PreLnEncoderLayer> audioLayers = new ArrayList<>();
  private final LayerNorm audioNorm;
  private final HashedBagEmbedding embedding;
  private final List<PreLnEncoderLayer> textLayers = new ArrayList<>();
  private final LayerNorm textNorm;
  private final Parameter audioAbsent;
  private final Parameter textAbsent;
  private final CrossAttentionLayer audioToText;
  private final CrossAttentionLayer textToAudio;
  private final Linear fusion;
  private final Dropout fusionDropout;
  private final Linear classifier;
  private final Linear valenceArousal;

  public CrossModalEmotionNet(NetConfig config) {
    this.config = config;
    int d = config.dModel();
    subsampling = addChildBlock("subsampling", new ConvSubsampling(config.melBins(), d, config.subsamplingConvs()));
    for (int i = 0; i < config.audioLayers(); i++) {
      audioLayers.add(addChildBlock("audioLayer" + i,
          new PreLnEncoderLayer(d, config.heads(), config.ffDim(), config.dropout())));
    }
    audioNorm = addChildBlock("audioNorm", LayerNorm.builder().axis(2).build());
    embedding = addChildBlock("embedding", new HashedBagEmbedding(config.vocabSize(), d));
    for (int i = 0; i < config.textLayers(); i++) {
      textLayers.add(addChildBlock("textLayer" + i,
          new PreLnEncoderLayer(d, config.heads(), config.ffDim(), config.dropout())));
    }
    textNorm = addChildBlock("textNorm", LayerNorm.builder().axis(2).build());
    audioAbsent = addParameter(absentParameter("audioAbsent", d));
    textAbsent = addParameter(absentParameter("textAbsent", d));
    audioToText = addChildBlock("audioToText", new CrossAttentionLayer(d, config.heads(), config.dropout()));
    textToAudio = addChildBlock("textToAudio", new CrossAttentionLayer(d, config.heads(), config.dropout()));
    fusion = addChildBlock("fusion", Linear.builder().setUnits(config.fusionDim()).build());
    fusionDropout = addChildBlock("fusionDropout", Dropout.builder().optRate(config.dropout()).build());
    classifier = addChildBlock("classifier", Linear.builder().setUnits(config.numClasses()).build());
    valenceArousal = addChildBlock("valenceArousal", Linear.builder().setUnits(2).build());
  }

  private static Parameter absentParameter(String name, int d) {
    return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(1, 1, d)).optInitializer(new NormalInitializer(0.1f)).build();
  }

  public NetConfig config() {
    return config;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    Encoded audio = encodeAudio(store, inputs.get(0), inputs.get(1), training, params);
    Encoded text = encodeText(store, inputs.get(2), inputs.get(3), inputs.get(4), training, params);

    NDArray audioKeys = Masks.additive(audio.mask());
    NDArray textKeys = Masks.additive(text.mask());
    NDArray audioAttended = audioToText.forward(store, new NDList(audio.sequence(), text.sequence(), textKeys),
        training, params).head();
    NDArray textAttended = textToAudio.forward(store, new NDList(text.sequence(), audio.sequence(), audioKeys),
        training, params).head();

    NDArray audioEmbedding = statisticsPooling(audioAttended, audio.mask());
    NDArray textEmbedding = statisticsPooling(textAttended, text.mask());
    NDArray fused = audioEmbedding.concat(textEmbedding, 1);
    NDArray hidden = Activation.gelu(fusion.forward(store, new NDList(fused), training, params).head());
    hidden = fusionDropout.forward(store, new NDList(hidden), training, params).head();
    NDArray logits = classifier.forward(store, new NDList(hidden), training, params).head();
    NDArray va = valenceArousal.forward(store, new NDList(hidden), training, params).head();
    NDArray squashed = va.get(":, 0:1").tanh().concat(Activation.sigmoid(va.get(":, 1:2")), 1);
    return new NDList(logits, squashed, audioEmbedding, textEmbedding);
  }

  /** Encoder output of one modality with its (B, T) validity mask (absent rows: first slot only). */
  private record Encoded(NDArray sequence, NDArray mask) {}

  private Encoded encodeAudio(ParameterStore store, NDArray features, NDArray lengths, boolean training,
      PairList<String, Object> params) {
    NDList sub = subsampling.forward(store, new NDList(features, lengths), training, params);
    NDArray x = PositionalEncoding.add(sub.get(0));
    NDArray lengthMask = Masks.fromLengths(sub.get(1), x.getShape().get(1));
    NDArray keyMask = Masks.additive(lengthMask);
    for (PreLnEncoderLayer layer : audioLayers) {
      x = layer.forward(store, new NDList(x, keyMask), training, params).head();
    }
    x = audioNorm.forward(store, new NDList(x), training, params).head();
    return withAbsent(store, x, lengthMask, lengths, audioAbsent, training);
  }

  private Encoded encodeText(ParameterStore store, NDArray ids, NDArray pieceMask, NDArray lengths,
      boolean training, PairList<String, Object> params) {
    NDArray x = embedding.forward(store, new NDList(ids, pieceMask), training, params).head();
    x = PositionalEncoding.add(x);
    NDArray lengthMask = Masks.fromLengths(lengths, x.getShape().get(1));
    NDArray keyMask = Masks.additive(lengthMask);
    for (PreLnEncoderLayer layer : textLayers) {
      x = layer.forward(store, new NDList(x, keyMask), training, params).head();
    }
    x = textNorm.forward(store, new NDList(x), training, params).head();
    return withAbsent(store, x, lengthMask, lengths, textAbsent, training);
  }

  private static Encoded withAbsent(ParameterStore store, NDArray x, NDArray lengthMask, NDArray lengths,
      Parameter absent, boolean training) {
    NDArray present = lengths.gt(0f).toType(DataType.FLOAT32, false);
    NDArray presentColumn = present.reshape(-1, 1, 1);
    NDArray absentVector = store.getValue(absent, x.getDevice(), training);
    NDArray sequence = x.mul(presentColumn).add(absentVector.mul(presentColumn.neg().add(1f)));
    return new Encoded(sequence, Masks.withAbsentSlot(lengthMask, present));
  }

  /** Mean and standard deviation over valid positions: (B, T, D) with (B, T) mask -> (B, 2D). */
  static NDArray statisticsPooling(NDArray x, NDArray mask) {
    NDArray m = mask.expandDims(2);
    NDArray count = m.sum(new int[] {1}).maximum(1f);
    NDArray mean = x.mul(m).sum(new int[] {1}).div(count);
    NDArray centred = x.sub(mean.expandDims(1)).mul(m);
    NDArray variance = centred.square().sum(new int[] {1}).div(count);
    return NDArrays.concat(new NDList(mean, variance.add(STD_EPSILON).sqrt()), 1);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    long d = config.dModel();
    return new Shape[] {new Shape(b, config.numClasses()), new Shape(b, 2), new Shape(b, 2 * d),
        new Shape(b, 2 * d)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int d = config.dModel();
    Shape sequence = new Shape(1, 1, d);
    Shape keyMask = new Shape(1, 1, 1, 1);
    subsampling.initialize(manager, dataType, new Shape(1, 16, config.melBins()), new Shape(1));
    for (PreLnEncoderLayer layer : audioLayers) {
      layer.initialize(manager, dataType, sequence, keyMask);
    }
    audioNorm.initialize(manager, dataType, sequence);
    embedding.initialize(manager, dataType, new Shape(1, 1, 1), new Shape(1, 1, 1));
    for (PreLnEncoderLayer layer : textLayers) {
      layer.initialize(manager, dataType, sequence, keyMask);
    }
    textNorm.initialize(manager, dataType, sequence);
    audioToText.initialize(manager, dataType, sequence, sequence, keyMask);
    textToAudio.initialize(manager, dataType, sequence, sequence, keyMask);
    fusion.initialize(manager, dataType, new Shape(1, 4L * d));
    fusionDropout.initialize(manager, dataType, new Shape(1, config.fusionDim()));
    classifier.initialize(manager, dataType, new Shape(1, config.fusionDim()));
    valenceArousal.initialize(manager, dataType, new Shape(1, config.fusionDim()));
  }

  /** Shapes to {@code initialize} the net with (batch 1, one frame, one token). */
  public Shape[] initializationShapes() {
    return new Shape[] {new Shape(1, 1, config.melBins()), new Shape(1), new Shape(1, 1, 1), new Shape(1, 1, 1),
        new Shape(1)};
  }
}
