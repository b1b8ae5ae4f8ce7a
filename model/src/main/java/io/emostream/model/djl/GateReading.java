package io.emostream.model.djl;

import io.emostream.model.Modality;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads a gated net's head weights (audio, text, joint) as the modalities that drove a result:
 * the audio or the text head alone when it carries more than half the weight, both otherwise.
 */
final class GateReading {

  static final float LEAN = 0.5f;

  private GateReading() {}

  /** The driving modalities of row {@code row} of a (B, 3) gate, within {@code used}. */
  static Set<Modality> drivenBy(float[] gate, int row, Set<Modality> used) {
    float audio = gate[3 * row];
    float text = gate[3 * row + 1];
    if (audio > LEAN && used.contains(Modality.AUDIO)) {
      return EnumSet.of(Modality.AUDIO);
    }
    if (text > LEAN && used.contains(Modality.TEXT)) {
      return EnumSet.of(Modality.TEXT);
    }
    return used;
  }
}
