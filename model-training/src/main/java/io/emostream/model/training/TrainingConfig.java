package io.emostream.model.training;

import java.time.Duration;

/**
 * How to train: optimisation, losses and stopping.
 *
 * @param epochs               most passes over the training split
 * @param batchSize            utterances per step
 * @param learningRate         peak Adam learning rate (reached after warm-up)
 * @param warmupFraction       share of all steps spent warming up linearly from 0; then linear decay to 10%
 * @param seed                 seeds initialisation, dropout, shuffling and modality dropout
 * @param contrastiveWeight    weight of the cross-modal contrastive regulariser (0 = off)
 * @param contrastiveMargin    cosine similarity above which different-emotion pairs are penalised
 * @param modalityDropout      probability that an example is shown with one modality withheld
 *                             (audio-only and text-only with {@code p/2} each)
 * @param reconstructionWeight weight of the VAVL-style unimodal reconstruction loss (0 = off)
 * @param valenceArousalWeight weight of the valence/arousal regression loss
 * @param patience             epochs without a better dev UA before stopping
 * @param timeBudget           stop after the epoch that exceeds this wall time; {@code null} = no limit
 * @param flatVoiceWeight      weight of the flat-voice tie (0 = off): on a sentence spoken by a plain
 *                             voice the fused result is pulled towards the words' own result, computed
 *                             without the voice, so that a voice that says nothing cannot move it
 * @param voiceConflictRepeat  how many times each corpus item whose aroused voice overrules the
 *                             words is trained per epoch (1 = once): the counterweight to the
 *                             flat-voice tie, so that the fusion still listens to an aroused voice
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    float learningRate,
    float warmupFraction,
    long seed,
    float contrastiveWeight,
    float contrastiveMargin,
    float modalityDropout,
    float reconstructionWeight,
    float valenceArousalWeight,
    int patience,
    Duration timeBudget,
    float flatVoiceWeight,
    int voiceConflictRepeat) {

  /** Defaults used by {@code emostream train}. */
  public static final TrainingConfig DEFAULT =
      new TrainingConfig(20, 16, 1e-3f, 0.1f, 42L, 0.1f, 0.2f, 0.3f, 0f, 0.3f, 5, null, 0f, 1);

  /** Without the flat-voice tie. */
  public TrainingConfig(int epochs, int batchSize, float learningRate, float warmupFraction, long seed,
      float contrastiveWeight, float contrastiveMargin, float modalityDropout, float reconstructionWeight,
      float valenceArousalWeight, int patience, Duration timeBudget) {
    this(epochs, batchSize, learningRate, warmupFraction, seed, contrastiveWeight, contrastiveMargin,
        modalityDropout, reconstructionWeight, valenceArousalWeight, patience, timeBudget, 0f, 1);
  }

  public TrainingConfig {
    check(epochs >= 1, "epochs must be >= 1, got " + epochs);
    check(batchSize >= 2, "batch size must be >= 2 (the contrastive loss compares pairs), got " + batchSize);
    check(learningRate > 0, "learning rate must be > 0, got " + learningRate);
    check(warmupFraction >= 0 && warmupFraction < 1, "warm-up fraction must be in [0, 1), got " + warmupFraction);
    check(contrastiveWeight >= 0, "contrastive weight must be >= 0 (0 = off), got " + contrastiveWeight);
    check(contrastiveMargin > -1 && contrastiveMargin < 1, "contrastive margin must be in (-1, 1), got "
        + contrastiveMargin);
    check(modalityDropout >= 0 && modalityDropout <= 1, "modality dropout must be in [0, 1], got " + modalityDropout);
    check(reconstructionWeight >= 0, "reconstruction weight must be >= 0 (0 = off), got " + reconstructionWeight);
    check(valenceArousalWeight >= 0, "valence/arousal weight must be >= 0, got " + valenceArousalWeight);
    check(patience >= 1, "patience must be >= 1 epoch, got " + patience);
    check(flatVoiceWeight >= 0, "flat-voice weight must be >= 0 (0 = off), got " + flatVoiceWeight);
    check(voiceConflictRepeat >= 1, "voice-conflict repeat must be >= 1 (1 = once), got " + voiceConflictRepeat);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public TrainingConfig withEpochs(int value) {
    return new TrainingConfig(value, batchSize, learningRate, warmupFraction, seed, contrastiveWeight,
        contrastiveMargin, modalityDropout, reconstructionWeight, valenceArousalWeight, patience, timeBudget,
        flatVoiceWeight, voiceConflictRepeat);
  }

  public TrainingConfig withContrastiveWeight(float value) {
    return new TrainingConfig(epochs, batchSize, learningRate, warmupFraction, seed, value,
        contrastiveMargin, modalityDropout, reconstructionWeight, valenceArousalWeight, patience, timeBudget,
        flatVoiceWeight, voiceConflictRepeat);
  }

  public TrainingConfig withReconstructionWeight(float value) {
    return new TrainingConfig(epochs, batchSize, learningRate, warmupFraction, seed, contrastiveWeight,
        contrastiveMargin, modalityDropout, value, valenceArousalWeight, patience, timeBudget,
        flatVoiceWeight, voiceConflictRepeat);
  }

  public TrainingConfig withTimeBudget(Duration value) {
    return new TrainingConfig(epochs, batchSize, learningRate, warmupFraction, seed, contrastiveWeight,
        contrastiveMargin, modalityDropout, reconstructionWeight, valenceArousalWeight, patience, value,
        flatVoiceWeight, voiceConflictRepeat);
  }
}
