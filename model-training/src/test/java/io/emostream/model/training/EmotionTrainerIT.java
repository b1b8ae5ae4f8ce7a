package io.emostream.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.UtteranceInput;
import io.emostream.model.data.SyntheticManifestReader;
import io.emostream.model.data.ToyCorpus;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.runtime.DeviceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmotionTrainerIT {

  /** Two short epochs on the toy corpus, seed 7: what the fine-tuning tests start from and tune with. */
  private static final TrainingConfig TWO_TOY_EPOCHS =
      new TrainingConfig(2, 8, 2e-3f, 0.1f, 7, 0.1f, 0.2f, 0.3f, 0.1f, 0.3f, 2, null);

  @TempDir
  Path temp;

  @Test
  void shouldMakeLossFallAndDevUaRiseAboveChanceWithinAMinute() throws Exception {
    Path corpus = ToyCorpus.write(temp.resolve("corpus"), 24, 8, 7);
    TrainingConfig config = new TrainingConfig(8, 16, 2e-3f, 0.1f, 42, 0.1f, 0.2f, 0.3f, 0.1f, 0.3f, 8,
        Duration.ofSeconds(60));
    EmotionTrainer trainer = new EmotionTrainer(config, ModelSize.TINY.net(), DeviceSpec.CPU,
        new ConsoleProgress(System.err, false));

    TrainingResult result = trainer.train(new SyntheticManifestReader(corpus), temp.resolve("bundle"), "toy", "1");

    List<EpochStats> history = result.history();
    assertThat(history).hasSizeGreaterThanOrEqualTo(3);
    assertThat(history.get(history.size() - 1).loss()).isLessThan(history.get(0).loss() * 0.8);
    assertThat(history.stream().mapToDouble(EpochStats::devUa).max().orElseThrow()).isGreaterThan(0.5);
    assertThat(result.manifest().metrics()).containsKeys("test.fused.ua", "test.audio_only.ua", "test.text_only.ua");
    assertThat(result.manifest().provenance().trainingCorpus()).contains("toy");
    assertThat(result.manifest().provenance().seed()).isEqualTo(42L);
    assertThat(TrainingPlots.write(result, temp.resolve("plots"))).allSatisfy(p -> assertThat(p).isNotEmptyFile());

    try (EmotionModel model = EmotionModels.load(result.bundle().toString(), DeviceSpec.CPU)) {
      EmotionPrediction p = model.predict(List.of(new UtteranceInput("u", null, "furious ridiculous waiting"))).get(0);
      assertThat(p.probabilities()).hasSize(4);
    }
    assertThat(Files.size(result.bundle().resolve("weights.params"))).isLessThan(10_000_000);
  }

  /**
   * Reproducible, not bit for bit: CI's machine once gave two same-seed runs whose weights
   * differed in their last bits (at most ~1e-3 after two epochs) while this test's machines give
   * equal bytes, so the check is that the same seed lands far closer than another seed does; an
   * unseeded draw anywhere (initialisation, dropout, shuffling) would make the two alike.
   */
  @Test
  void shouldReproduceTheWeightsForTheSameSeed() throws Exception {
    Path corpus = ToyCorpus.write(temp.resolve("corpus"), 6, 2, 3);
    Path first = trainToy(corpus, "seed7a", TWO_TOY_EPOCHS);
    Path again = trainToy(corpus, "seed7b", TWO_TOY_EPOCHS);
    Path other = trainToy(corpus, "seed8", new TrainingConfig(2, 8, 2e-3f, 0.1f, 8, 0.1f, 0.2f, 0.3f, 0.1f, 0.3f, 2, null));

    double sameSeed = meanAbsoluteDifference(first, again);
    double otherSeed = meanAbsoluteDifference(first, other);
    assertThat(otherSeed).as("another seed moves the weights").isGreaterThan(0.01);
    assertThat(sameSeed).as("same seed vs another seed (%s)", otherSeed).isLessThan(otherSeed / 50);
  }

  @Test
  void shouldFineTuneFromAnExistingBundleAndRefuseOneOfAnotherShape() throws Exception {
    Path corpus = ToyCorpus.write(temp.resolve("corpus"), 6, 2, 3);
    Path first = trainedToy(corpus);
    // a learning rate too small to move anything: the result must be the start, not a random net
    TrainingConfig still = new TrainingConfig(1, 8, 1e-12f, 0.1f, 99, 0.1f, 0.2f, 0.3f, 0.1f, 0.3f, 2, null);
    Path tuned = temp.resolve("tuned");
    TrainingResult result = new EmotionTrainer(still, ModelSize.TINY.net(), DeviceSpec.CPU, null,
        new StartingWeights(first.toString(), false)).train(new SyntheticManifestReader(corpus), tuned, "toy", "2");

    assertThat(result.manifest().provenance().notes()).contains("started from toy 1");
    List<UtteranceInput> probe = List.of(new UtteranceInput("u", null, "furious ridiculous waiting"));
    try (EmotionModel before = EmotionModels.load(first.toString(), DeviceSpec.CPU);
        EmotionModel after = EmotionModels.load(tuned.toString(), DeviceSpec.CPU)) {
      assertThat(after.predict(probe).get(0).valence())
          .isCloseTo(before.predict(probe).get(0).valence(), offset(1e-4f));
    }
    EmotionTrainer otherShape = new EmotionTrainer(still, ModelSize.SMALL.net(), DeviceSpec.CPU, null,
        new StartingWeights(first.toString(), false));
    assertThatThrownBy(() -> otherShape.train(new SyntheticManifestReader(corpus), temp.resolve("other"), "toy", "3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--size");
  }

  @Test
  void shouldKeepTheVoiceAsItWasWhenAFineTuneFreezesIt() throws Exception {
    Path corpus = ToyCorpus.write(temp.resolve("corpus"), 6, 2, 3);
    Path first = trainedToy(corpus);
    Path tuned = temp.resolve("tuned");
    new EmotionTrainer(TWO_TOY_EPOCHS, ModelSize.TINY.net(), DeviceSpec.CPU, null,
        new StartingWeights(first.toString(), true))
        .train(new SyntheticManifestReader(corpus), tuned, "toy", "2");

    int voice = 0;
    int fusion = 0;
    for (Map.Entry<String, double[]> p : parameterDifferences(first, tuned).entrySet()) {
      String name = p.getKey().replaceFirst("^\\d+", "");
      boolean same = p.getValue()[0] == 0;
      if (name.startsWith("subsampling") || name.startsWith("audioLayer") || name.startsWith("audioNorm")) {
        assertThat(same).as("voice parameter %s", name).isTrue();
        voice++;
      } else if (name.startsWith("fusion") || name.startsWith("textLayer")) {
        assertThat(same).as("fusion or words parameter %s", name).isFalse();
        fusion++;
      }
    }
    assertThat(voice).as("voice parameters compared").isPositive();
    assertThat(fusion).as("fusion parameters compared").isPositive();
    assertThatThrownBy(() -> new StartingWeights(null, true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--init");
  }

  /** A tiny net trained for two epochs on {@code corpus}: the start of a fine-tune. */
  private Path trainedToy(Path corpus) {
    return trainToy(corpus, "first", TWO_TOY_EPOCHS);
  }

  private Path trainToy(Path corpus, String dir, TrainingConfig config) {
    Path bundle = temp.resolve(dir);
    new EmotionTrainer(config, ModelSize.TINY.net(), DeviceSpec.CPU, null)
        .train(new SyntheticManifestReader(corpus), bundle, "toy", "1");
    return bundle;
  }

  /** Mean |a - b| over every weight of two bundles of the same shape. */
  private static double meanAbsoluteDifference(Path a, Path b) {
    double sum = 0;
    double count = 0;
    for (double[] d : parameterDifferences(a, b).values()) {
      sum += d[0];
      count += d[1];
    }
    return sum / count;
  }

  /** Per parameter of two bundles of the same shape, in order: {sum of |a - b|, number of weights}. */
  private static Map<String, double[]> parameterDifferences(Path a, Path b) {
    try (DjlEmotionModel left = DjlEmotionModel.load(a, DeviceSpec.CPU);
        DjlEmotionModel right = DjlEmotionModel.load(b, DeviceSpec.CPU)) {
      var x = left.network().getParameters();
      var y = right.network().getParameters();
      Map<String, double[]> differences = new LinkedHashMap<>();
      for (int i = 0; i < x.size(); i++) {
        float[] p = x.get(i).getValue().getArray().toFloatArray();
        float[] q = y.get(i).getValue().getArray().toFloatArray();
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
          sum += Math.abs(p[k] - q[k]);
        }
        differences.put(x.get(i).getKey(), new double[] {sum, p.length});
      }
      return differences;
    }
  }
}
