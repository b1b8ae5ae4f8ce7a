package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.emostream.model.UtteranceInput;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.data.ValenceText;
import io.emostream.model.djl.BatchEncoder;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.features.FeatureConfig;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import io.emostream.model.text.cues.TextCueAnalyzer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepLossTest {

  private static final NetConfig NET = ModelSize.TINY.net().robust();
  private static final TrainingConfig WITHOUT_TIE =
      new TrainingConfig(1, 2, 1e-3f, 0.1f, 1, 0f, 0.2f, 0f, 0f, 0.3f, 1, (Duration) null);
  private static final TrainingConfig WITH_TIE =
      new TrainingConfig(1, 2, 1e-3f, 0.1f, 1, 0f, 0.2f, 0f, 0f, 0.3f, 1, null, 1f, 1);

  @Test
  void shouldTieTheFusedResultOfAPlainlySpokenSentenceToTheWordsAlone() {
    try (DjlEmotionModel model = randomModel()) {
      ValenceText sentence = new ValenceText("s", "the worst service I have ever had", -1, "test");
      Target spoken = Target.spoken(sentence, TextCueAnalyzer.bundled().analyze(sentence.text(), 64));
      List<PreparedExample> batch = List.of(example(model, "a", spoken), example(model, "b", calm()));

      float plain = total(model, batch, WITHOUT_TIE);
      float tied = total(model, batch, WITH_TIE);

      assertThat(tied).as("a random net's voice moves the result: the tie costs something").isGreaterThan(plain);
    }
  }

  @Test
  void shouldLeaveBatchesWithoutPlainlySpokenSentencesAlone() {
    try (DjlEmotionModel model = randomModel()) {
      List<PreparedExample> batch = List.of(example(model, "a", calm()), example(model, "b", calm()));

      assertThat(total(model, batch, WITH_TIE)).isCloseTo(total(model, batch, WITHOUT_TIE), within(1e-6f));
    }
  }

  private static DjlEmotionModel randomModel() {
    DjlRuntime.ensureConfigured();
    return DjlEmotionModel.createRandom(Manifests.crossModal("t", "1", NET, FeatureConfig.TELEPHONE_BAND, 3), 3,
        DeviceSpec.CPU);
  }

  private static Target calm() {
    return new Target(new float[] {1, 0, 0, 0}, new float[] {1, 0, 0, 0}, new float[] {1, 0, 0, 0}, 0f, 0.3f, 0);
  }

  private static PreparedExample example(DjlEmotionModel model, String id, Target target) {
    float[] audio = new float[16_000];
    Random random = new Random(id.hashCode());
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (float) (0.1 * Math.sin(i * 0.05) + 0.01 * random.nextGaussian());
    }
    BatchEncoder.Prepared p = model.encoder().prepare(new UtteranceInput(id, audio, "I have been waiting all day"));
    return new PreparedExample(id, p, target, null);
  }

  /** The step's total loss; the engine is re-seeded so that both calls draw the same dropout. */
  private static float total(DjlEmotionModel model, List<PreparedExample> batch, TrainingConfig config) {
    try (NDManager step = model.djlModel().getNDManager().newSubManager()) {
      Engine.getEngine(DjlRuntime.ENGINE).setRandomSeed(11);
      List<BatchEncoder.Prepared> shown = batch.stream().map(PreparedExample::prepared).toList();
      return StepLoss.compute(batch, shown, model.encoder(), model.network(), null, new ParameterStore(step, false),
          step, config).total().getFloat();
    }
  }
}
