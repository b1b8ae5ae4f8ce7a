package io.emostream.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.emostream.model.djl.BatchEncoder;
import java.util.List;

/**
 * The weighted training objective of one batch: cross-entropy + valence/arousal MSE +
 * (optional) contrastive regulariser + (optional) reconstruction loss.
 *
 * @param total          the scalar to differentiate
 * @param crossEntropy   its cross-entropy part (unweighted)
 * @param valenceArousal valence/arousal MSE (unweighted)
 * @param contrastive    contrastive term (unweighted; 0 when off)
 * @param reconstruction reconstruction term (unweighted; 0 when off)
 */
record StepLoss(NDArray total, float crossEntropy, float valenceArousal, float contrastive, float reconstruction) {

  /** Runs the network (training mode) on {@code shown} and builds the loss, all in {@code manager}. */
  static StepLoss compute(List<PreparedExample> batch, List<BatchEncoder.Prepared> shown, BatchEncoder encoder,
      ai.djl.nn.Block net, ReconstructionHead head, ParameterStore store, NDManager manager, TrainingConfig config) {
    int b = batch.size();
    int[] labels = new int[b];
    float[] va = new float[2 * b];
    float[] hasAudio = new float[b];
    float[] hasText = new float[b];
    for (int i = 0; i < b; i++) {
      labels[i] = batch.get(i).example().labelIndex();
      va[2 * i] = batch.get(i).example().valenceTarget();
      va[2 * i + 1] = batch.get(i).example().arousalTarget();
      hasAudio[i] = shown.get(i).audio() != null ? 1f : 0f;
      hasText[i] = shown.get(i).text().length() > 0 ? 1f : 0f;
    }
    NDList out = net.forward(store, encoder.toArrays(shown, manager), true);
    NDArray y = manager.create(labels);
    NDArray ce = Losses.crossEntropy(out.get(0), y);
    NDArray vaLoss = Losses.meanSquared(out.get(1), manager.create(va, new Shape(b, 2)));
    NDArray total = ce.add(vaLoss.mul(config.valenceArousalWeight()));
    NDArray audioRows = manager.create(hasAudio);
    NDArray textRows = manager.create(hasText);
    float contrastive = 0f;
    if (config.contrastiveWeight() > 0) {
      NDArray c = Losses.crossModalContrastive(out.get(2), out.get(3), y, audioRows, textRows,
          config.contrastiveMargin());
      total = total.add(c.mul(config.contrastiveWeight()));
      contrastive = c.getFloat();
    }
    float reconstruction = 0f;
    if (config.reconstructionWeight() > 0 && head != null) {
      NDList guessed = head.forward(store, new NDList(out.get(2), out.get(3)), true);
      NDArray r = Losses.reconstruction(guessed.get(0), guessed.get(1), out.get(2), out.get(3),
          audioRows.mul(textRows));
      total = total.add(r.mul(config.reconstructionWeight()));
      reconstruction = r.getFloat();
    }
    return new StepLoss(total, ce.getFloat(), vaLoss.getFloat(), contrastive, reconstruction);
  }
}
