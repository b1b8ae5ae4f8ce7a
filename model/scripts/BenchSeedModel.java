import io.emostream.model.bench.ModelBenchmark;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import io.emostream.model.torchscript.TorchScriptEmotionModel;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code emostream bench-model}'s measurement ({@link ModelBenchmark}) on a TorchScript bundle with a
 * grid small enough for a full-size seed-architecture model on 2 CPU cores: 2 s and 10 s utterances
 * at batch 1 and 4, then 30 s at batch 1; one warm-up batch and at least one measured batch (0.5 s)
 * per cell, as {@code bench-model --quick}. The full default grid (2/5/10 s x 1/8/32) of
 * {@code bench-model --model DIR --quick} scores about 1 400 audio-seconds, over 15 minutes there.
 *
 * <pre>
 * java -Dai.djl.offline=true -cp "streams-app/target/emostream.jar:streams-app/target/lib/*" \
 *     model/scripts/BenchSeedModel.java /tmp/seed-full
 * </pre>
 */
public final class BenchSeedModel {

  public static void main(String[] args) {
    Path bundle = Path.of(args.length > 0 ? args[0] : "/tmp/seed-full");
    DjlRuntime.ensureConfigured();
    for (ModelBenchmark.Settings settings : List.of(
        new ModelBenchmark.Settings(List.of(2.0, 10.0), List.of(1, 4), 1, 0.5, 1),
        new ModelBenchmark.Settings(List.of(30.0), List.of(1), 1, 0.5, 1))) {
      System.out.println(ModelBenchmark.run(() -> TorchScriptEmotionModel.load(bundle, DeviceSpec.CPU), settings)
          .toMarkdown());
    }
  }
}
