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
import java.util.List;
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

  @Test
  void shouldWriteIdenticalWeightsForTheSameSeed() throws Exception {
    Path corpus = ToyCorpus.write(temp.resolve("corpus"), 6, 2, 3);
    byte[][] weights = new byte[2][];
    for (int run = 0; run < 2; run++) {
      Path bundle = temp.resolve("bundle" + run);
      new EmotionTrainer(TWO_TOY_EPOCHS, ModelSize.TINY.net(), DeviceSpec.CPU, null)
          .train(new SyntheticManifestReader(corpus), bundle, "toy", "1");
      weights[run] = Files.readAllBytes(bundle.resolve("weights.params"));
    }
    assertThat(weights[1]).isEqualTo(weights[0]);
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

    try (DjlEmotionModel before = DjlEmotionModel.load(first, DeviceSpec.CPU);
        DjlEmotionModel after = DjlEmotionModel.load(tuned, DeviceSpec.CPU)) {
      var old = before.network().getParameters();
      var now = after.network().getParameters();
      int voice = 0;
      int fusion = 0;
      for (int i = 0; i < old.size(); i++) {
        String name = old.get(i).getKey().replaceFirst("^\\d+", "");
        boolean same = old.get(i).getValue().getArray().contentEquals(now.get(i).getValue().getArray());
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
    }
    assertThatThrownBy(() -> new StartingWeights(null, true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--init");
  }

  /** A tiny net trained for two epochs on {@code corpus}: the start of a fine-tune. */
  private Path trainedToy(Path corpus) {
    Path first = temp.resolve("first");
    new EmotionTrainer(TWO_TOY_EPOCHS, ModelSize.TINY.net(), DeviceSpec.CPU, null)
        .train(new SyntheticManifestReader(corpus), first, "toy", "1");
    return first;
  }
}
