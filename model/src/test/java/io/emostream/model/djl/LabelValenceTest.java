package io.emostream.model.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.Modality;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelValenceTest {

  private static final List<String> LABELS = List.of("neutral", "happy", "angry", "sad");

  @Test
  void shouldZeroAValenceWhoseSignContradictsTheLabel() {
    assertThat(LabelValence.consistent(LABELS, new float[] {0.1f, 0.7f, 0.1f, 0.1f}, -0.3f)).isZero();
    assertThat(LabelValence.consistent(LABELS, new float[] {0.1f, 0.1f, 0.7f, 0.1f}, 0.4f)).isZero();
    assertThat(LabelValence.consistent(LABELS, new float[] {0.1f, 0.1f, 0.1f, 0.7f}, -0.5f)).isEqualTo(-0.5f);
    assertThat(LabelValence.consistent(LABELS, new float[] {0.7f, 0.1f, 0.1f, 0.1f}, -0.2f)).isEqualTo(-0.2f);
  }

  @Test
  void shouldReadTheGateAsTheDrivingModalities() {
    Set<Modality> both = EnumSet.allOf(Modality.class);
    float[] gate = {0.7f, 0.2f, 0.1f, 0.1f, 0.8f, 0.1f, 0.3f, 0.3f, 0.4f};
    assertThat(GateReading.drivenBy(gate, 0, both)).containsExactly(Modality.AUDIO);
    assertThat(GateReading.drivenBy(gate, 1, both)).containsExactly(Modality.TEXT);
    assertThat(GateReading.drivenBy(gate, 2, both)).isEqualTo(both);
    assertThat(GateReading.drivenBy(gate, 0, EnumSet.of(Modality.TEXT))).containsExactly(Modality.TEXT);
  }
}
