package io.emostream.cli;

import io.emostream.model.corpus.text.RealTextMaterial;
import io.emostream.model.corpus.text.ServiceWording;
import io.emostream.model.data.CorpusException;
import io.emostream.model.data.ValenceText;
import io.emostream.model.evaluation.MarkdownTables;
import io.emostream.model.evaluation.View;
import io.emostream.model.features.FeatureConfig;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.training.ChannelAugmentation;
import io.emostream.model.training.ConsoleProgress;
import io.emostream.model.training.EmotionTrainer;
import io.emostream.model.training.ModelSize;
import io.emostream.model.training.PlainVoices;
import io.emostream.model.training.RealCalmSpeech;
import io.emostream.model.training.SpeedPerturbation;
import io.emostream.model.training.StartingWeights;
import io.emostream.model.training.TrainingConfig;
import io.emostream.model.training.TrainingMaterial;
import io.emostream.model.training.TrainingPlots;
import io.emostream.model.training.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emostream train}: trains a {@code CrossModalEmotionNet} on a corpus and writes a bundle
 * whose manifest carries the test-set metrics and the provenance. Progress goes to stderr; the
 * result tables to stdout.
 */
@Command(name = "train", description = {
    "Train the built-in cross-modal emotion network and write a model bundle.",
    "Loss: cross-entropy + valence/arousal MSE + contrastive regulariser (--contrastive-weight, 0 = off)"
        + " + unimodal reconstruction (--reconstruction-weight); modality dropout; Adam with warm-up;"
        + " early stopping on dev UA."})
final class TrainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CorpusOptions corpus;

  @Option(names = "--out", required = true, paramLabel = "BUNDLE_DIR", description = "Where to write the bundle.")
  private Path out;

  @Option(names = "--plots", paramLabel = "DIR", description = "Where to write the SVG plots (default: the bundle dir).")
  private Path plots;

  @Option(names = "--size", defaultValue = "demo", description = "Network size: tiny, small, demo, default (default: ${DEFAULT-VALUE}).")
  private String size;

  @Option(names = "--epochs", defaultValue = "20", description = "Most epochs (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--batch", defaultValue = "16", description = "Batch size (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  private float lr;

  @Option(names = "--warmup", defaultValue = "0.1", description = "Warm-up share of all steps (default: ${DEFAULT-VALUE}).")
  private float warmup;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--contrastive-weight", defaultValue = "0.1", description = "Contrastive regulariser weight, 0 = off (default: ${DEFAULT-VALUE}).")
  private float contrastiveWeight;

  @Option(names = "--contrastive-margin", defaultValue = "0.2", description = "Cosine margin for different-emotion pairs (default: ${DEFAULT-VALUE}).")
  private float contrastiveMargin;

  @Option(names = "--modality-dropout", defaultValue = "0.3", description = "Probability of withholding one modality per example (default: ${DEFAULT-VALUE}).")
  private float modalityDropout;

  @Option(names = "--reconstruction-weight", defaultValue = "0", description = "Unimodal reconstruction loss weight, 0 = off (default: ${DEFAULT-VALUE}).")
  private float reconstructionWeight;

  @Option(names = "--va-weight", defaultValue = "0.3", description = "Valence/arousal loss weight (default: ${DEFAULT-VALUE}).")
  private float vaWeight;

  @Option(names = "--patience", defaultValue = "5", description = "Early-stopping patience in epochs (default: ${DEFAULT-VALUE}).")
  private int patience;

  @Option(names = "--time-budget", paramLabel = "SECONDS", description = "Stop after the epoch that passes this many seconds.")
  private Long timeBudget;

  @Option(names = "--threads", description = "PyTorch intra-op threads (default: all cores).")
  private Integer threads;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
  private String device;

  @Option(names = "--name", defaultValue = "emostream-model", description = "Model name in the manifest (default: ${DEFAULT-VALUE}).")
  private String name;

  @Option(names = "--model-version", defaultValue = "1.0.0", description = "Model version in the manifest (default: ${DEFAULT-VALUE}).")
  private String modelVersion;

  @Option(names = "--robust", description = {"Train the robust variant: lexicon text cues, gated fusion and the",
      "telephone-band front end (floored-cmn features)."})
  private boolean robust;

  @Option(names = "--material", paramLabel = "NODE_MODULES", description = {"Also learn from real text: the yelp",
      "review sentences and teacher-labelled WordNet sentences in this npm folder (`npm ci` in model/material)."})
  private Path material;

  @Option(names = "--speak-text", description = {"Also speak the real training sentences with plain synthetic voices",
      "(espeak-ng, flite) and train on them with their audio: a flat voice says nothing, the words decide."})
  private boolean speakText;

  @Option(names = "--speak-service", description = {"Also speak the calm customer-service wording with plain",
      "synthetic voices and train on it with its audio as neutral (needs --material)."})
  private boolean speakService;

  @Option(names = "--calm-speech", paramLabel = "DIR", description = {"Also train the voice on real recorded calm",
      "speech: the WAV files of this folder (e.g. /usr/share/codec2/wav from codec2-examples), audio-only, neutral."})
  private Path calmSpeech;

  @Option(names = "--calm-speech-passes", defaultValue = "3", description = {"How many times each calm recording is cut",
      "into segments, each time at other points (default: ${DEFAULT-VALUE})."})
  private int calmSpeechPasses;

  @Option(names = "--calm-speech-pitch-shifts", paramLabel = "SEMITONES", split = ",", description = {
      "Also hear each calm recording with its pitch moved by these semitones, duration kept (e.g. 3,6: the",
      "2.1.0 recipe, which made sox's `pitch 300` and `pitch 600` copies; -11 to 11)."})
  private List<Integer> calmSpeechPitchShifts = List.of();

  @Option(names = "--flat-voice-weight", defaultValue = "0", description = {"With --speak-text: weight of the tie that",
      "pulls the fused result of a plainly spoken sentence to the words' own result, 0 = off (default: ${DEFAULT-VALUE})."})
  private float flatVoiceWeight;

  @Option(names = "--voice-conflict-repeat", defaultValue = "1", description = {"Train each corpus item whose aroused",
      "voice overrules the words this many times per epoch (default: ${DEFAULT-VALUE})."})
  private int voiceConflictRepeat;

  @Option(names = "--init", paramLabel = "BUNDLE", description = {"Start from this bundle's weights (a directory or",
      "classpath:<prefix>, e.g. classpath:io/emostream/model/demo) instead of random ones: fine-tuning. It must",
      "have been trained with the same --size and --robust."})
  private String init;

  @Option(names = "--freeze-voice", description = {"With --init: keep the audio encoder and the audio head as they are",
      "and train only what fuses the voice with the words."})
  private boolean freezeVoice;

  @Option(names = "--channels", description = "Render every training clip through a new random recording channel each epoch.")
  private boolean channels;

  @Option(names = "--speed-perturbation", paramLabel = "S", defaultValue = "0", description = {"Play every training",
      "clip up to S faster or slower each epoch (rate and pitch together, e.g. 0.1), drawn independently of its",
      "emotion, so the voice path cannot key on one voice's absolute speaking rate (default: ${DEFAULT-VALUE}, off)."})
  private double speedPerturbation;

  @Option(names = "--tempo-perturbation", paramLabel = "S", defaultValue = "0", description = {"As --speed-perturbation",
      "but the speaking rate alone changes, the pitch stays (WSOLA time stretch). Default: ${DEFAULT-VALUE}, off."})
  private double tempoPerturbation;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (threads != null) {
        // read once by DjlRuntime before the engine loads
        System.setProperty("emostream.model.threads", Integer.toString(threads));
      }
      TrainingConfig config = new TrainingConfig(epochs, batch, lr, warmup, seed, contrastiveWeight,
          contrastiveMargin, modalityDropout, reconstructionWeight, vaWeight, patience,
          timeBudget == null ? null : Duration.ofSeconds(timeBudget), flatVoiceWeight, voiceConflictRepeat);
      NetConfig net = robust ? ModelSize.parse(size).net().robust() : ModelSize.parse(size).net();
      EmotionTrainer trainer = new EmotionTrainer(config, net, DeviceSpec.parse(device),
          new ConsoleProgress(System.err, System.console() != null), new StartingWeights(init, freezeVoice));
      TrainingResult result = trainer.train(corpus.reader(), material(), out, name, modelVersion);
      TrainingPlots.write(result, plots == null ? out : plots);
      stdout.printf(Locale.ROOT, "bundle written to %s (best epoch %d of %d, %.0f s)%n%n", out.toAbsolutePath(),
          result.bestEpoch(), result.history().size(), result.seconds());
      result.manifest().metrics().forEach((k, v) -> {
        if (k.startsWith("calibration.") || k.startsWith("dev.ece")) {
          stdout.printf(Locale.ROOT, "%s = %.4f%n", k, v);
        }
      });
      stdout.println(MarkdownTables.summary(result.test()));
      if (result.test().views().containsKey(View.FUSED)) {
        stdout.println(MarkdownTables.confusion(result.test().view(View.FUSED)));
      }
      return 0;
    } catch (CorpusException | IllegalArgumentException e) {
      err.println("emostream train: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("emostream train: failed: " + e.getMessage());
      return 1;
    }
  }

  private TrainingMaterial material() {
    RealTextMaterial text = material == null ? new RealTextMaterial(List.of(), List.of())
        : RealTextMaterial.load(material, seed);
    List<ValenceText> spoken = new ArrayList<>();
    if (speakText) {
      spoken.addAll(text.train());
    } else if (speakService && material != null) {
      spoken.addAll(text.train().stream().filter(t -> t.id().startsWith(ServiceWording.ID_PREFIX)).toList());
    }
    return new TrainingMaterial(text.train(), PlainVoices.speak(spoken), text.dev(),
        calmSpeech == null ? List.of()
            : RealCalmSpeech.load(calmSpeech, seed, calmSpeechPasses, calmSpeechPitchShifts),
        SpeedPerturbation.before(tempoPerturbation, true,
            SpeedPerturbation.before(speedPerturbation, channels ? ChannelAugmentation.random() : null)),
        robust ? FeatureConfig.TELEPHONE_BAND : FeatureConfig.DEFAULT);
  }
}
