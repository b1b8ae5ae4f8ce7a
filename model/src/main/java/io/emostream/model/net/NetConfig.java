package io.emostream.model.net;

/**
 * Sizes of a {@link CrossModalEmotionNet}: the bundle manifest's {@code hyperParameters}.
 *
 * @param dModel          width of every encoder, divisible by {@code heads}
 * @param heads           attention heads in self- and cross-attention
 * @param audioLayers     pre-LN transformer layers over the subsampled audio frames
 * @param textLayers      pre-LN transformer layers over the tokens
 * @param ffDim           hidden width of each layer's feed-forward part
 * @param dropout         dropout probability during training (inference ignores it)
 * @param subsampling     time reduction of the convolutional front end: 2, 4 or 8 (stride-2 convs)
 * @param melBins         log-mel bins per input frame (must match the bundle's features)
 * @param vocabSize       rows of the text embedding table (hash buckets or tokenizer vocabulary)
 * @param numClasses      emotion classes (4: neutral, happy, angry, sad)
 * @param fusionDim       hidden width of the fusion MLP
 * @param maxAudioSamples audio longer than this is cut before features (16 kHz samples)
 * @param maxTokens       text longer than this many tokens is cut
 * @param textCues        0: tokens only (bundles before cues); 1: the text encoder also reads
 *                        lexicon valence cues per token and per transcript ({@code TextCues})
 * @param fusion          {@code concat} (or absent): one head over both pooled modalities;
 *                        {@code gated}: an audio head, a text head and the joint head mixed by a
 *                        learned reliability gate, which also says which modality drove a result
 * @param audioGateBias   added to the gate's audio logit when a transcript is present (0 = as
 *                        trained; negative = trust the voice less when there are words). Not a
 *                        weight: it can be set in a bundle's manifest without retraining
 */
public record NetConfig(
    int dModel,
    int heads,
    int audioLayers,
    int textLayers,
    int ffDim,
    float dropout,
    int subsampling,
    int melBins,
    int vocabSize,
    int numClasses,
    int fusionDim,
    int maxAudioSamples,
    int maxTokens,
    int textCues,
    String fusion,
    float audioGateBias) {

  /** One head over the concatenated modalities. */
  public static final String CONCAT = "concat";
  /** Audio, text and joint heads mixed by a gate. */
  public static final String GATED = "gated";

  /** The demo size: d=128, 4 heads, 2+2 layers, 8192 hash buckets, about 2.2 M parameters. */
  public static final NetConfig DEFAULT = new NetConfig(128, 4, 2, 2, 512, 0.1f, 4, 80, 8192, 4, 256,
      30 * 16_000, 64);

  /** A config without text cues and with concatenation fusion (as bundles before them). */
  public NetConfig(int dModel, int heads, int audioLayers, int textLayers, int ffDim, float dropout,
      int subsampling, int melBins, int vocabSize, int numClasses, int fusionDim, int maxAudioSamples,
      int maxTokens) {
    this(dModel, heads, audioLayers, textLayers, ffDim, dropout, subsampling, melBins, vocabSize, numClasses,
        fusionDim, maxAudioSamples, maxTokens, 0, CONCAT, 0f);
  }

  public NetConfig {
    if (fusion == null) {
      fusion = CONCAT;
    }
    if (!CONCAT.equals(fusion) && !GATED.equals(fusion)) {
      throw new IllegalArgumentException("hyperParameters.fusion must be " + CONCAT + " or " + GATED + ", got "
          + fusion);
    }
    if (textCues != 0 && textCues != 1) {
      throw new IllegalArgumentException("hyperParameters.textCues must be 0 or 1, got " + textCues);
    }
    requirePositive("dModel", dModel);
    requirePositive("heads", heads);
    requirePositive("ffDim", ffDim);
    requirePositive("melBins", melBins);
    requirePositive("vocabSize", vocabSize);
    requirePositive("numClasses", numClasses);
    requirePositive("fusionDim", fusionDim);
    requirePositive("maxAudioSamples", maxAudioSamples);
    requirePositive("maxTokens", maxTokens);
    if (dModel % heads != 0) {
      throw new IllegalArgumentException("hyperParameters.dModel " + dModel + " must be divisible by heads " + heads);
    }
    if (audioLayers < 0 || textLayers < 0) {
      throw new IllegalArgumentException("hyperParameters.audioLayers/textLayers must be >= 0, got "
          + audioLayers + "/" + textLayers);
    }
    if (subsampling != 2 && subsampling != 4 && subsampling != 8) {
      throw new IllegalArgumentException("hyperParameters.subsampling must be 2, 4 or 8, got " + subsampling);
    }
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("hyperParameters.dropout must be in [0, 1), got " + dropout);
    }
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("hyperParameters." + name + " must be > 0, got " + value);
    }
  }

  /** This config with lexicon text cues and gated fusion (the robust variant). */
  public NetConfig robust() {
    return new NetConfig(dModel, heads, audioLayers, textLayers, ffDim, dropout, subsampling, melBins, vocabSize,
        numClasses, fusionDim, maxAudioSamples, maxTokens, 1, GATED, audioGateBias);
  }

  /** Whether the heads are mixed by a gate. */
  public boolean gated() {
    return GATED.equals(fusion);
  }

  /** Number of stride-2 convolutions in the audio front end. */
  public int subsamplingConvs() {
    return Integer.numberOfTrailingZeros(subsampling);
  }
}
