package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class LossesTest {

  @Test
  void shouldGiveZeroContrastiveLossWhenSameEmotionsAlignAndDifferentOnesAreOrthogonal() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray emb = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
      NDArray ones = m.ones(new Shape(2));

      float aligned = Losses.crossModalContrastive(emb, emb, m.create(new int[] {0, 1}), ones, ones, 0.2f).getFloat();
      float collapsed = Losses.crossModalContrastive(emb, emb.get("0:1").repeat(0, 2), m.create(new int[] {0, 1}),
          ones, ones, 0.2f).getFloat();

      assertThat(aligned).isCloseTo(0f, within(1e-5f));
      // text of row 1 now equals row 0's direction: the (0,1) positive pair is orthogonal (pull 0.5 mean)
      // and the (0,1)-text negative pair has cosine 1 (push 0.8 mean over two negatives)
      assertThat(collapsed).isCloseTo(0.5f + 0.4f, within(1e-5f));
    }
  }

  @Test
  void shouldIgnorePairsWhoseModalityWasWithheld() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray audio = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2));
      NDArray text = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
      NDArray labels = m.create(new int[] {0, 1});

      float loss = Losses.crossModalContrastive(audio, text, labels, m.create(new float[] {1, 0}),
          m.ones(new Shape(2)), 0.2f).getFloat();

      assertThat(loss).isCloseTo(0f, within(1e-5f)); // only row 0's audio counts: aligned with text 0, orthogonal to text 1
    }
  }

  @Test
  void shouldMatchHandComputedCrossEntropy() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray logits = m.create(new float[] {0, 0, 0, 0, 2, 0, 0, 0}, new Shape(2, 4));
      float ce = Losses.crossEntropy(logits, m.create(new int[] {3, 0})).getFloat();
      double expected = (Math.log(4) + -Math.log(Math.exp(2) / (Math.exp(2) + 3))) / 2;
      assertThat((double) ce).isCloseTo(expected, within(1e-5));
    }
  }
}
