package io.emostream.model.training;

/**
 * What one epoch did: mean training losses and the dev-set scores after it.
 *
 * @param epoch          1-based
 * @param loss           mean total loss over the epoch's steps
 * @param crossEntropy   mean cross-entropy term
 * @param contrastive    mean contrastive term (before weighting; 0 when off)
 * @param reconstruction mean reconstruction term (before weighting; 0 when off)
 * @param valenceArousal mean valence/arousal MSE term (before weighting)
 * @param devWa          dev WA of the fused model after the epoch
 * @param devUa          dev UA of the fused model after the epoch (early stopping watches it)
 * @param devMacroF1     dev macro-F1 after the epoch
 * @param seconds        wall time of the epoch including the dev pass
 */
public record EpochStats(int epoch, double loss, double crossEntropy, double contrastive, double reconstruction,
    double valenceArousal, double devWa, double devUa, double devMacroF1, double seconds) {}
