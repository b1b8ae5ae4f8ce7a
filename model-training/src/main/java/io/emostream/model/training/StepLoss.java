package io.emostream.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.emostream.model.djl.BatchEncoder;
import java.util.ArrayList;
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

  /** Weight of each single-modality head's own loss in a gated net. */
  static final float HEAD_WEIGHT = 0.5f;

  /** Runs the network (training mode) on {@code shown} and builds the loss, all in {@code manager}. */
  static StepLoss compute(List<PreparedExample> batch, List<BatchEncoder.Prepared> shown, BatchEncoder encoder,
      Block net, ReconstructionHead head, ParameterStore store, NDManager manager, TrainingConfig config) {
    int b = batch.size();
    int c = batch.get(0).target().label().length;
    Rows rows = new Rows(b, c);
    for (int i = 0; i < b; i++) {
      rows.fill(i, batch.get(i).target(), shown.get(i));
    }
    NDList out = net.forward(store, encoder.toArrays(shown, manager), true);
    NDArray ce = Losses.maskedCrossEntropy(out.get(0), rows.array(manager, rows.label, c), manager.ones(new Shape(b)));
    NDArray vaLoss = Losses.maskedMeanSquared(out.get(1), rows.array(manager, rows.va, 2),
        rows.array(manager, rows.vaKnown, 2));
    NDArray total = ce.add(vaLoss.mul(config.valenceArousalWeight()));
    if (out.size() > 6) {
      NDArray audioCe = Losses.maskedCrossEntropy(out.get(5), rows.array(manager, rows.audioLabel, c),
          manager.create(rows.audioWeight));
      NDArray textCe = Losses.maskedCrossEntropy(out.get(6), rows.array(manager, rows.textLabel, c),
          manager.create(rows.textWeight));
      total = total.add(audioCe.add(textCe).mul(HEAD_WEIGHT));
    }
    NDArray audioRows = manager.create(rows.hasAudio);
    NDArray textRows = manager.create(rows.hasText);
    float contrastive = 0f;
    if (config.contrastiveWeight() > 0) {
      // rows known only by a mask have no single class to pair on: they sit out
      NDArray y = manager.create(rows.classIndex);
      NDArray paired = manager.create(rows.single);
      NDArray contrast = Losses.crossModalContrastive(out.get(2), out.get(3), y, audioRows.mul(paired),
          textRows.mul(paired), config.contrastiveMargin());
      total = total.add(contrast.mul(config.contrastiveWeight()));
      contrastive = contrast.getFloat();
    }
    if (config.flatVoiceWeight() > 0) {
      NDArray tie = flatVoiceTie(batch, shown, encoder, net, store, manager, out);
      if (tie != null) {
        total = total.add(tie.mul(config.flatVoiceWeight()));
      }
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

  /**
   * For rows spoken by a plain voice (the target says nothing about the voice) and shown with both
   * modalities: KL divergence from the words' own result (the same net on the text alone, no
   * gradient) to the fused result, plus the squared valence difference. A flat voice then cannot
   * move the result the words give, which is what "fusion never hurts" asks of such a voice.
   * {@code null} when the batch has no such row.
   */
  private static NDArray flatVoiceTie(List<PreparedExample> batch, List<BatchEncoder.Prepared> shown,
      BatchEncoder encoder, Block net, ParameterStore store, NDManager manager, NDList out) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).target().audio() == null && shown.get(i).audio() != null && shown.get(i).text().length() > 0) {
        rows.add(i);
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    List<BatchEncoder.Prepared> words = rows.stream().map(i -> shown.get(i).withoutAudio()).toList();
    NDList reference = net.forward(store, encoder.toArrays(words, manager), false);
    // a (rows, B) one-hot matrix picks the fused rows without an indexing op
    float[] pick = new float[rows.size() * batch.size()];
    for (int k = 0; k < rows.size(); k++) {
      pick[k * batch.size() + rows.get(k)] = 1f;
    }
    NDArray select = manager.create(pick, new Shape(rows.size(), batch.size()));
    NDArray fused = select.matMul(out.get(0)).logSoftmax(1);
    NDArray target = reference.get(0).logSoftmax(1).stopGradient();
    NDArray kl = target.exp().mul(target.sub(fused)).sum(new int[] {1}).mean();
    NDArray valence = select.matMul(out.get(1)).get(":, 0").sub(reference.get(1).get(":, 0").stopGradient());
    return kl.add(valence.square().mean());
  }

  /** The batch's targets as flat arrays. */
  private static final class Rows {
    final float[] label;
    final float[] audioLabel;
    final float[] textLabel;
    final float[] audioWeight;
    final float[] textWeight;
    final float[] va;
    final float[] vaKnown;
    final float[] hasAudio;
    final float[] hasText;
    final int[] classIndex;
    final float[] single;
    private final int classes;

    Rows(int b, int classes) {
      this.classes = classes;
      label = new float[b * classes];
      audioLabel = new float[b * classes];
      textLabel = new float[b * classes];
      audioWeight = new float[b];
      textWeight = new float[b];
      va = new float[2 * b];
      vaKnown = new float[2 * b];
      hasAudio = new float[b];
      hasText = new float[b];
      classIndex = new int[b];
      single = new float[b];
    }

    void fill(int i, Target t, BatchEncoder.Prepared shown) {
      System.arraycopy(t.label(), 0, label, i * classes, classes);
      hasAudio[i] = shown.audio() != null ? 1f : 0f;
      hasText[i] = shown.text().length() > 0 ? 1f : 0f;
      if (t.audio() != null) {
        System.arraycopy(t.audio(), 0, audioLabel, i * classes, classes);
        audioWeight[i] = hasAudio[i];
      } else {
        audioLabel[i * classes] = 1f; // any mask keeps the log finite; weight 0 ignores it
      }
      if (t.text() != null) {
        System.arraycopy(t.text(), 0, textLabel, i * classes, classes);
        textWeight[i] = hasText[i];
      } else {
        textLabel[i * classes] = 1f;
      }
      setKnown(2 * i, t.valence());
      setKnown(2 * i + 1, t.arousal());
      classIndex[i] = Math.max(0, t.labelIndex());
      single[i] = t.labelIndex() >= 0 ? 1f : 0f;
    }

    private void setKnown(int k, float value) {
      boolean known = !Float.isNaN(value);
      va[k] = known ? value : 0f;
      vaKnown[k] = known ? 1f : 0f;
    }

    NDArray array(NDManager manager, float[] values, int width) {
      return manager.create(values, new Shape(values.length / width, width));
    }
  }
}
