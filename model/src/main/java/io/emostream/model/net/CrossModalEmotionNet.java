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
import io.emostream.model.text.cues.TextCues;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>With {@code textCues = 1} two more inputs follow: {@code tokenCues (B, Tt, 4)}, projected
 * and added to each token's embedding, and {@code sentenceCues (B, 8)}, joined to the text side
 * before the heads ({@link TextCues}): lexicon knowledge of words
 * the training corpus never contained.
 *
 * <p>With {@code fusion = gated} the net has three heads: audio alone (pooled audio), text alone
 * (pooled text and sentence cues) and joint (the fusion MLP). A gate over both embeddings, the
 * cues and which modalities are present weighs their probabilities; an absent modality's head
 * gets weight 0. Output 0 is then the log of the mixed probabilities (a softmax of it gives them
 * back), and three more outputs follow: {@code gate (B, 3)} (audio, text, joint),
 * {@code audioLogits (B, C)} and {@code textLogits (B, C)}. The mixture lets the net lean on
 * the modality that is reliable for this utterance (out-of-domain audio, a one-word transcript)
 * instead of averaging it in, and the gate says which one drove the result.
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
  private final Linear tokenCueProjection;
  private final Linear audioHead;
  private final Linear textHead;
  private final Linear gate;

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
    tokenCueProjection = config.textCues() > 0
        ? addChildBlock("tokenCueProjection", Linear.builder().setUnits(d).build()) : null;
    audioHead = config.gated() ? addChildBlock("audioHead", Linear.builder().setUnits(config.numClasses()).build())
        : null;
    textHead = config.gated() ? addChildBlock("textHead", Linear.builder().setUnits(config.numClasses()).build())
        : null;
    gate = config.gated() ? addChildBlock("gate", Linear.builder().setUnits(GATE_WIDTH).build()) : null;
  }

  /** Heads the gate weighs: audio, text, joint. */
  public static final int GATE_WIDTH = 3;
  private static final float ABSENT_LOGIT = -1e4f;

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
    NDArray tokenCues = config.textCues() > 0 ? inputs.get(5) : null;
    NDArray sentenceCues = config.textCues() > 0 ? inputs.get(6) : null;
    Encoded text = encodeText(store, inputs.get(2), inputs.get(3), inputs.get(4), tokenCues, training, params);

    NDArray audioKeys = Masks.additive(audio.mask());
    NDArray textKeys = Masks.additive(text.mask());
    NDArray audioAttended = audioToText.forward(store, new NDList(audio.sequence(), text.sequence(), textKeys),
        training, params).head();
    NDArray textAttended = textToAudio.forward(store, new NDList(text.sequence(), audio.sequence(), audioKeys),
        training, params).head();

    NDArray audioEmbedding = statisticsPooling(audioAttended, audio.mask());
    NDArray textEmbedding = statisticsPooling(textAttended, text.mask());
    NDArray textSide = sentenceCues == null ? textEmbedding : textEmbedding.concat(sentenceCues, 1);
    NDArray fused = audioEmbedding.concat(textSide, 1);
    NDArray hidden = Activation.gelu(fusion.forward(store, new NDList(fused), training, params).head());
    hidden = fusionDropout.forward(store, new NDList(hidden), training, params).head();
    NDArray logits = classifier.forward(store, new NDList(hidden), training, params).head();
    NDArray va = valenceArousal.forward(store, new NDList(hidden), training, params).head();
    NDArray squashed = va.get(":, 0:1").tanh().concat(Activation.sigmoid(va.get(":, 1:2")), 1);
    if (!config.gated()) {
      return new NDList(logits, squashed, audioEmbedding, textEmbedding);
    }
    NDArray audioLogits = audioHead.forward(store, new NDList(audioEmbedding), training, params).head();
    NDArray textLogits = textHead.forward(store, new NDList(textSide), training, params).head();
    NDArray audioPresent = inputs.get(1).gt(0f).toType(DataType.FLOAT32, false).reshape(-1, 1);
    NDArray textPresent = inputs.get(4).gt(0f).toType(DataType.FLOAT32, false).reshape(-1, 1);
    NDArray gateInput = NDArrays.concat(new NDList(fused, audioPresent, textPresent), 1);
    NDArray gateLogits = gate.forward(store, new NDList(gateInput), training, params).head();
    if (config.audioGateBias() != 0f) {
      NDArray bias = NDArrays.concat(new NDList(textPresent.mul(config.audioGateBias()), textPresent.zerosLike(),
          textPresent.zerosLike()), 1);
      gateLogits = gateLogits.add(bias);
    }
    // an absent modality's head cannot drive the result
    NDArray absent = NDArrays.concat(new NDList(audioPresent, textPresent, textPresent.onesLike()), 1)
        .neg().add(1f).mul(ABSENT_LOGIT);
    NDArray weights = gateLogits.add(absent).softmax(1);
    NDArray mixed = audioLogits.softmax(1).mul(weights.get(":, 0:1"))
        .add(textLogits.softmax(1).mul(weights.get(":, 1:2")))
        .add(logits.softmax(1).mul(weights.get(":, 2:3")));
    NDArray logMixed = mixed.add(1e-7f).log();
    return new NDList(logMixed, squashed, audioEmbedding, textEmbedding, weights, audioLogits, textLogits);
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
      NDArray tokenCues, boolean training, PairList<String, Object> params) {
    NDArray x = embedding.forward(store, new NDList(ids, pieceMask), training, params).head();
    if (tokenCues != null) {
      x = x.add(tokenCueProjection.forward(store, new NDList(tokenCues), training, params).head());
    }
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
    Shape classes = new Shape(b, config.numClasses());
    if (config.gated()) {
      return new Shape[] {classes, new Shape(b, 2), new Shape(b, 2 * d), new Shape(b, 2 * d),
          new Shape(b, GATE_WIDTH), classes, classes};
    }
    return new Shape[] {classes, new Shape(b, 2), new Shape(b, 2 * d), new Shape(b, 2 * d)};
  }

  private int sentenceCueWidth() {
    return config.textCues() > 0 ? TextCues.SENTENCE_DIMS : 0;
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
    fusion.initialize(manager, dataType, new Shape(1, 4L * d + sentenceCueWidth()));
    if (tokenCueProjection != null) {
      tokenCueProjection.initialize(manager, dataType, new Shape(1, 1,
          TextCues.TOKEN_DIMS));
    }
    if (config.gated()) {
      audioHead.initialize(manager, dataType, new Shape(1, 2L * d));
      textHead.initialize(manager, dataType, new Shape(1, 2L * d + sentenceCueWidth()));
      gate.initialize(manager, dataType, new Shape(1, 4L * d + sentenceCueWidth() + 2));
    }
    fusionDropout.initialize(manager, dataType, new Shape(1, config.fusionDim()));
    classifier.initialize(manager, dataType, new Shape(1, config.fusionDim()));
    valenceArousal.initialize(manager, dataType, new Shape(1, config.fusionDim()));
  }

  /** Shapes to {@code initialize} the net with (batch 1, one frame, one token). */
  public Shape[] initializationShapes() {
    Shape[] base = {new Shape(1, 1, config.melBins()), new Shape(1), new Shape(1, 1, 1), new Shape(1, 1, 1),
        new Shape(1)};
    if (config.textCues() == 0) {
      return base;
    }
    Shape[] withCues = Arrays.copyOf(base, 7);
    withCues[5] = new Shape(1, 1, TextCues.TOKEN_DIMS);
    withCues[6] = new Shape(1, TextCues.SENTENCE_DIMS);
    return withCues;
  }
}
