package io.emostream.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The training losses over one batch's network outputs. Every function returns a scalar.
 *
 * <p>Row masks ({@code (B)} floats of 0/1) say which rows really had a modality: under
 * modality dropout an absent modality's "embedding" is the learned stand-in attending to the
 * other modality, which must not be pulled towards anything.
 */
public final class Losses {

  private static final float EPSILON = 1e-6f;

  private Losses() {}

  /** Mean cross-entropy of {@code logits (B, C)} against {@code labels (B)} int. */
  public static NDArray crossEntropy(NDArray logits, NDArray labels) {
    NDArray logProbabilities = logits.logSoftmax(1);
    NDArray oneHot = labels.oneHot((int) logits.getShape().get(1)).toType(DataType.FLOAT32, false);
    return logProbabilities.mul(oneHot).sum(new int[] {1}).neg().mean();
  }

  /**
   * Mean over rows of {@code -log} of the probability mass that {@code logits (B, C)} put inside
   * each row's {@code masks (B, C)} (0/1); rows weighted by {@code rowWeights (B)}. A one-hot
   * mask gives cross-entropy; a wider one accepts any class inside it.
   */
  public static NDArray maskedCrossEntropy(NDArray logits, NDArray masks, NDArray rowWeights) {
    NDArray logProbabilities = logits.logSoftmax(1);
    // log-sum-exp over the allowed classes: masked-out classes get a large negative offset
    NDArray allowed = logProbabilities.add(masks.neg().add(1f).mul(-1e4f));
    NDArray max = allowed.max(new int[] {1}, true);
    NDArray logMass = allowed.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    return logMass.neg().mul(rowWeights).sum().div(rowWeights.sum().maximum(1f));
  }

  /** Mean squared error over the entries where {@code known} is 1. */
  public static NDArray maskedMeanSquared(NDArray predicted, NDArray target, NDArray known) {
    return predicted.sub(target).square().mul(known).sum().div(known.sum().maximum(1f));
  }

  /** Mean squared error between {@code predicted} and {@code target} of the same shape. */
  public static NDArray meanSquared(NDArray predicted, NDArray target) {
    return predicted.sub(target).square().mean();
  }

  /**
   * The cross-modal contrastive regulariser (after "Contrastive Regularization for Multimodal
   * Emotion Recognition Using Audio and Text"): for every pair (audio of row i, text of row j) in
   * the batch, cosine similarity is pulled towards 1 when the two rows share an emotion and pushed
   * below {@code margin} when they do not. The positive and negative terms are averaged separately
   * and added, so the batch's class balance does not decide which dominates.
   *
   * @param audio    pooled audio embeddings (B, E)
   * @param text     pooled text embeddings (B, E)
   * @param labels   (B) int class indices
   * @param hasAudio (B) 1 where the row's audio was shown
   * @param hasText  (B) 1 where the row's text was shown
   */
  public static NDArray crossModalContrastive(NDArray audio, NDArray text, NDArray labels, NDArray hasAudio,
      NDArray hasText, float margin) {
    NDArray similarity = normalise(audio).matMul(normalise(text).transpose());
    NDArray y = labels.toType(DataType.FLOAT32, false);
    NDArray same = y.expandDims(1).eq(y.expandDims(0)).toType(DataType.FLOAT32, false);
    NDArray valid = hasAudio.expandDims(1).mul(hasText.expandDims(0));
    NDArray positives = same.mul(valid);
    NDArray negatives = same.neg().add(1f).mul(valid);
    NDArray pull = similarity.neg().add(1f).mul(positives).sum().div(positives.sum().maximum(1f));
    NDArray push = similarity.sub(margin).maximum(0f).mul(negatives).sum().div(negatives.sum().maximum(1f));
    return pull.add(push);
  }

  /**
   * Mean squared error of the reconstruction head's guesses of each modality's embedding from the
   * other, over rows that had both. Targets are detached so that the loss shapes the heads and the
   * source encoder, not a collapse of the target embedding.
   */
  public static NDArray reconstruction(NDArray textFromAudio, NDArray audioFromText, NDArray audio, NDArray text,
      NDArray bothPresent) {
    NDArray row = bothPresent.expandDims(1);
    NDArray count = bothPresent.sum().maximum(1f).mul(audio.getShape().get(1));
    NDArray a = textFromAudio.sub(text.stopGradient()).square().mul(row).sum();
    NDArray t = audioFromText.sub(audio.stopGradient()).square().mul(row).sum();
    return a.add(t).div(count).div(2f);
  }

  private static NDArray normalise(NDArray x) {
    return x.div(x.square().sum(new int[] {1}, true).add(EPSILON).sqrt());
  }
}
