package io.emostream.model.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import io.emostream.model.UtteranceInput;
import io.emostream.model.bundle.BundleManifest;
import io.emostream.model.bundle.BundleWriter;
import io.emostream.model.bundle.Manifests;
import io.emostream.model.data.CorpusException;
import io.emostream.model.data.CorpusReader;
import io.emostream.model.data.Example;
import io.emostream.model.data.Split;
import io.emostream.model.djl.BatchEncoder;
import io.emostream.model.djl.DjlEmotionModel;
import io.emostream.model.evaluation.ConfusionMatrix;
import io.emostream.model.evaluation.EvaluationReport;
import io.emostream.model.evaluation.Evaluator;
import io.emostream.model.evaluation.View;
import io.emostream.model.net.CrossModalEmotionNet;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains a {@link CrossModalEmotionNet} on a corpus and writes a bundle.
 *
 * <p>A custom loop over DJL's autograd ({@link GradientCollector}) and optimiser (Adam behind a
 * {@link LocalParameterServer}, as DJL's own {@code Trainer} does it), because the objective needs
 * all four network outputs plus a jointly trained {@link ReconstructionHead}, which DJL's
 * single-{@code Loss} trainer does not express. Each step runs in its own {@code NDManager}
 * sub-manager. Features are computed once up front; epochs cost only the network.
 *
 * <p>Early stopping keeps the weights of the epoch with the best dev UA (patience in epochs); a
 * fine-tuning run ({@link StartingWeights}) keeps its last epoch's weights instead.
 * The same seed, corpus, configuration and thread count give the same weights on the same machine,
 * up to floating-point rounding where the CPU's matrix kernels depend on memory alignment (seen on
 * CI's machine, most likely libtorch's bundled MKL; bit for bit on the AMD machines here).
 */
public final class EmotionTrainer {

  private static final int EVAL_BATCH = 32;

  private final TrainingConfig config;
  private final NetConfig net;
  private final DeviceSpec device;
  private final TrainingListener listener;
  private final StartingWeights start;

  public EmotionTrainer(TrainingConfig config, NetConfig net, DeviceSpec device, TrainingListener listener) {
    this(config, net, device, listener, StartingWeights.RANDOM);
  }

  /** A trainer whose runs start from {@code start} instead of random weights (fine-tuning). */
  public EmotionTrainer(TrainingConfig config, NetConfig net, DeviceSpec device, TrainingListener listener,
      StartingWeights start) {
    this.config = config;
    this.net = net;
    this.device = device;
    this.listener = listener == null ? TrainingListener.NONE : listener;
    this.start = start;
  }

  /**
   * Trains on {@code corpus}'s train split, stops early on its dev split, evaluates the kept
   * weights on its test split and writes the bundle (manifest with metrics and provenance, and
   * weights) to {@code bundleDir}.
   */
  public TrainingResult train(CorpusReader corpus, Path bundleDir, String name, String version) {
    return train(corpus, TrainingMaterial.NONE, bundleDir, name, version);
  }

  /**
   * {@link #train(CorpusReader, Path, String, String)} with real text beside the corpus, channel
   * augmentation and a front end from {@code material}; the written bundle is calibrated
   * (temperature scaling on the dev split and the held-out text) and its manifest records the
   * expected calibration error before and after.
   */
  public TrainingResult train(CorpusReader corpus, TrainingMaterial material, Path bundleDir, String name,
      String version) {
    long started = System.nanoTime();
    DjlRuntime.ensureConfigured();
    List<Example> all = corpus.read();
    List<Example> trainSet = all.stream().filter(e -> e.split() == Split.TRAIN).toList();
    List<Example> devSet = all.stream().filter(e -> e.split() == Split.DEV).toList();
    List<Example> testSet = all.stream().filter(e -> e.split() == Split.TEST).toList();
    if (trainSet.size() < 2 || devSet.isEmpty()) {
      throw new CorpusException(corpus.description() + " has " + trainSet.size() + " train and " + devSet.size()
          + " dev examples: training needs at least 2 train examples and a non-empty dev split for early stopping");
    }
    BundleManifest manifest = Manifests.crossModal(name, version, net, material.features(), config.seed());
    try (DjlEmotionModel model = DjlEmotionModel.createRandom(manifest, config.seed(), device)) {
      String startedFrom = start.applyTo(model, net, material.features());
      boolean keepAudio = material.augmentation() != null;
      List<PreparedExample> train = prepare(trainSet, model.encoder(), "features (train)", keepAudio);
      train.addAll(voiceConflictCopies(train, trainSet));
      train.addAll(TrainingText.prepare(material.trainText(), model.encoder()));
      train.addAll(TrainingText.prepareSpoken(material.spokenText(), model.encoder(), keepAudio));
      train.addAll(TrainingText.prepareCalm(material.calmSpeech(), model.encoder(), keepAudio));
      List<PreparedExample> dev = prepare(devSet, model.encoder(), "features (dev)", false);
      dev.sort(Comparator.comparingInt(PreparedExample::length));
      List<PreparedExample> devText = TrainingText.prepare(material.devText(), model.encoder());
      Loop loop = new Loop(model, train, dev, material.augmentation());
      loop.run();
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("dev.fused.ua", loop.bestUa);
      metrics.put("train.best_epoch", (double) loop.bestEpoch);
      listener.onPhase("calibration (dev split, 3 views, and held-out text)", dev.size());
      double temperature = TrainerCalibration.fit(model, dev, devText, metrics);
      BundleManifest trained = model.manifest().withMetrics(metrics).withTemperature(temperature).withProvenance(
          TrainingProvenance.of(corpus, config, net, all.size(), loop.history.size(), material, startedFrom));
      // written before the test pass, so a corpus problem there cannot cost the training run
      BundleWriter.write(bundleDir, trained, model.network());
      EvaluationReport test;
      try {
        test = evaluateTest(model, testSet);
      } catch (RuntimeException e) {
        throw new CorpusException("the trained bundle was written to " + bundleDir.toAbsolutePath()
            + " without test metrics because the test evaluation failed: " + e.getMessage()
            + "; fix the corpus and run `emostream evaluate`", e);
      }
      metrics.putAll(test.toMetrics());
      trained = trained.withMetrics(metrics);
      BundleWriter.write(bundleDir, trained, model.network());
      double seconds = (System.nanoTime() - started) / 1e9;
      return new TrainingResult(bundleDir, trained, loop.history, loop.bestEpoch, test, seconds);
    }
  }

  private List<PreparedExample> prepare(List<Example> examples, BatchEncoder encoder, String phase,
      boolean keepAudio) {
    listener.onPhase(phase, examples.size());
    AtomicInteger done = new AtomicInteger();
    // features are pure Java: both cores help, and PyTorch is idle meanwhile
    return new ArrayList<>(examples.parallelStream().map(e -> {
      float[] audio = e.audio() == null ? null : e.audio().load();
      PreparedExample p = new PreparedExample(e.id(), encoder.prepare(new UtteranceInput(e.id(), audio, e.text())),
          Target.of(e), keepAudio ? audio : null);
      int n = done.incrementAndGet();
      if (n % 50 == 0 || n == examples.size()) {
        listener.onPhaseProgress(n);
      }
      return p;
    }).toList());
  }

  /**
   * Extra copies ({@code voiceConflictRepeat - 1} each) of the corpus items whose aroused voice
   * overrules the words ("polite words, furious voice"); the copies get their own ids, so each is
   * rendered through its own channel.
   */
  private List<PreparedExample> voiceConflictCopies(List<PreparedExample> prepared, List<Example> examples) {
    if (config.voiceConflictRepeat() <= 1) {
      return List.of();
    }
    Set<String> overruled = overruledByVoice(examples);
    List<PreparedExample> copies = new ArrayList<>();
    for (PreparedExample p : prepared) {
      if (overruled.contains(p.id())) {
        for (int k = 1; k < config.voiceConflictRepeat(); k++) {
          copies.add(new PreparedExample(p.id() + "#" + k, p.prepared(), p.target(), p.audio()));
        }
      }
    }
    return copies;
  }

  /** Ids of the conflicting items whose label is the voice's emotion, not the words'. */
  static Set<String> overruledByVoice(List<Example> examples) {
    Set<String> ids = new HashSet<>();
    for (Example e : examples) {
      if (e.conflicting() && e.voiceLabel() != null && e.voiceLabel().equals(e.label())
          && !e.voiceLabel().equals(e.textLabel())) {
        ids.add(e.id());
      }
    }
    return ids;
  }

  private EvaluationReport evaluateTest(DjlEmotionModel model, List<Example> testSet) {
    listener.onPhase("test evaluation (3 views)", testSet.size());
    return new Evaluator(model, EVAL_BATCH).evaluate(Split.TEST.id(), testSet, EnumSet.allOf(View.class),
        listener::onPhaseProgress);
  }

  /** The state of one training run. */
  private final class Loop {
    private final DjlEmotionModel model;
    private List<PreparedExample> train;
    private final List<PreparedExample> dev;
    private final AudioAugmentation augmentation;
    private final List<EpochStats> history = new ArrayList<>();
    private double bestUa = -1;
    private int bestEpoch;
    private byte[] bestWeights;

    Loop(DjlEmotionModel model, List<PreparedExample> train, List<PreparedExample> dev,
        AudioAugmentation augmentation) {
      this.model = model;
      this.train = train;
      this.dev = dev;
      this.augmentation = augmentation;
    }

    /** Every clip through a new random channel; seeded per epoch and clip, so order does not matter. */
    private void rerender(int epoch) {
      listener.onPhase("channel renderings (epoch " + epoch + ")", train.size());
      BatchEncoder encoder = model.encoder();
      train = new ArrayList<>(train.parallelStream().map(p -> {
        if (p.audio() == null) {
          return p;
        }
        Random r = new Random(config.seed() * 1_000_003L + epoch * 7_919L + p.id().hashCode());
        float[] heard = augmentation.render(p.audio(), r);
        return p.with(new BatchEncoder.Prepared(encoder.features().extract(heard), p.prepared().text(),
            p.prepared().cues()));
      }).toList());
    }

    void run() {
      NDManager root = model.djlModel().getNDManager();
      Block network = model.network();
      Engine engine = DjlRuntime.engine();
      engine.setRandomSeed((int) config.seed());
      ReconstructionHead head = null;
      if (config.reconstructionWeight() > 0) {
        Shape pooled = new Shape(1, 2L * net.dModel());
        head = new ReconstructionHead(2 * net.dModel(), net.dModel());
        head.initialize(root, DataType.FLOAT32, pooled, pooled);
      }
      int stepsPerEpoch = Math.max(1, train.size() / config.batchSize());
      int totalSteps = stepsPerEpoch * config.epochs();
      Optimizer adam = Optimizer.adam().optLearningRateTracker(new WarmupLinearDecay(config.learningRate(),
          Math.round(config.warmupFraction() * totalSteps), totalSteps)).build();
      ParameterStore store = new ParameterStore(root, false);
      store.setParameterServer(new LocalParameterServer(adam), new Device[] {root.getDevice()});
      requireGradients(network);
      start.freezeVoice(network);
      if (head != null) {
        requireGradients(head);
      }
      Random random = new Random(config.seed());
      long started = System.nanoTime();
      int sinceBest = 0;
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        if (augmentation != null) {
          rerender(epoch);
        }
        double[] sums = trainEpoch(epoch, network, head, store, random, root);
        ConfusionMatrix devMatrix = evaluateDev(network, root);
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        EpochStats stats = new EpochStats(epoch, sums[0], sums[1], sums[2], sums[3], sums[4],
            devMatrix.weightedAccuracy(), devMatrix.unweightedAccuracy(), devMatrix.macroF1(), seconds);
        history.add(stats);
        boolean best = stats.devUa() > bestUa;
        listener.onEpoch(stats, best);
        if (best) {
          bestUa = stats.devUa();
          bestEpoch = epoch;
          // a fine-tune keeps its last epoch: a snapshot would never be restored
          bestWeights = start.isFineTuning() ? null : ParameterSnapshots.save(network);
          sinceBest = 0;
        } else if (++sinceBest >= config.patience()) {
          listener.onStopped(epoch, "dev UA has not improved for " + config.patience() + " epochs");
          break;
        }
        if (config.timeBudget() != null && System.nanoTime() - started > config.timeBudget().toNanos()
            && epoch < config.epochs()) {
          listener.onStopped(epoch, "time budget of " + config.timeBudget().toSeconds() + " s used up");
          break;
        }
      }
      if (start.isFineTuning()) {
        // the start already reads the dev split; what the run adds is what dev does not measure
        bestEpoch = history.size();
        bestUa = history.get(history.size() - 1).devUa();
      } else {
        ParameterSnapshots.restore(network, bestWeights, root);
      }
    }

    /** One pass over the training set; returns mean total, CE, contrastive, reconstruction, VA losses. */
    private double[] trainEpoch(int epoch, Block network, ReconstructionHead head, ParameterStore store,
        Random random, NDManager root) {
      List<List<PreparedExample>> batches = BatchPlanner.epoch(train, config.batchSize(), random);
      double[] sums = new double[5];
      for (int i = 0; i < batches.size(); i++) {
        List<PreparedExample> batch = batches.get(i);
        List<BatchEncoder.Prepared> shown = BatchPlanner.withModalityDropout(batch, config.modalityDropout(), random);
        try (NDManager step = root.newSubManager();
            GradientCollector collector = Engine.getEngine(DjlRuntime.ENGINE).newGradientCollector()) {
          StepLoss loss = StepLoss.compute(batch, shown, model.encoder(), network, head, store, step, config);
          collector.backward(loss.total());
          store.updateAllParameters();
          float total = loss.total().getFloat();
          if (!Float.isFinite(total)) {
            throw new IllegalStateException("training diverged at epoch " + epoch + " step " + (i + 1)
                + " (loss " + total + "): lower --lr or raise the warm-up");
          }
          sums[0] += total;
          sums[1] += loss.crossEntropy();
          sums[2] += loss.contrastive();
          sums[3] += loss.reconstruction();
          sums[4] += loss.valenceArousal();
          listener.onStep(epoch, i + 1, batches.size(), total);
        }
      }
      for (int k = 0; k < sums.length; k++) {
        sums[k] /= Math.max(1, batches.size());
      }
      return sums;
    }

    private ConfusionMatrix evaluateDev(Block network, NDManager root) {
      ConfusionMatrix m = new ConfusionMatrix(model.info().labels());
      for (int start = 0; start < dev.size(); start += EVAL_BATCH) {
        List<PreparedExample> batch = dev.subList(start, Math.min(dev.size(), start + EVAL_BATCH));
        try (NDManager sub = root.newSubManager()) {
          List<BatchEncoder.Prepared> inputs = batch.stream().map(PreparedExample::prepared).toList();
          NDList out = network.forward(new ParameterStore(sub, false), model.encoder().toArrays(inputs, sub), false);
          long[] predicted = out.get(0).argMax(1).toLongArray();
          for (int i = 0; i < batch.size(); i++) {
            m.add(batch.get(i).target().labelIndex(), (int) predicted[i]);
          }
        }
      }
      return m;
    }
  }

  private static void requireGradients(Block block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        NDArray array = p.getValue().getArray();
        array.setRequiresGradient(true);
      }
    }
  }
}
