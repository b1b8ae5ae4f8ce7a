package io.emostream.model.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.Modality;
import io.emostream.model.ModelException;
import io.emostream.model.ModelInfo;
import io.emostream.model.StagedEmotionModel;
import io.emostream.model.UtteranceInput;
import io.emostream.model.bundle.BundleManifest;
import io.emostream.model.bundle.BundleReader;
import io.emostream.model.bundle.BundleWriter;
import io.emostream.model.features.LogMelExtractor;
import io.emostream.model.net.CrossModalEmotionNet;
import io.emostream.model.net.NetConfig;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import io.emostream.model.text.TextTokenizer;
import io.emostream.model.text.cues.TextCueAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link EmotionModel} over the built-in {@link CrossModalEmotionNet}, run by DJL's PyTorch engine.
 *
 * <p>Each batch is padded to its longest utterance, built and run in its own sub-manager, and
 * released before {@code predict} returns, so native memory stays flat over millions of calls.
 * Features and tokens ({@link #prepare}) are computed on the calling thread, outside any lock,
 * so several threads prepare at once; only the forward pass ({@link #run}) is serialised
 * ({@code synchronized}). Share one instance between threads through {@code BatchingEmotionModel},
 * which prepares the next batch while this one runs.
 */
public final class DjlEmotionModel implements StagedEmotionModel<BatchEncoder.Prepared> {

  private static final Object SEED_LOCK = new Object();

  private final Model model;
  private final CrossModalEmotionNet net;
  private final TextTokenizer tokenizer;
  private final BatchEncoder encoder;
  private final BundleManifest manifest;
  private final ModelInfo info;
  private final float temperature;

  private DjlEmotionModel(Model model, CrossModalEmotionNet net, TextTokenizer tokenizer, BundleManifest manifest,
      NetConfig config) {
    this.model = model;
    this.net = net;
    this.tokenizer = tokenizer;
    this.manifest = manifest;
    this.encoder = new BatchEncoder(new LogMelExtractor(manifest.features()), tokenizer, config.maxAudioSamples(),
        config.textCues() > 0 ? TextCueAnalyzer.bundled() : null);
    this.temperature = (float) manifest.calibrationTemperature();
    this.info = new ModelInfo(manifest.name(), manifest.version(), CrossModalEmotionNet.ARCHITECTURE,
        manifest.labels(), manifest.features().sampleRate(), config.maxAudioSamples(),
        Math.min(tokenizer.maxTokens(), config.maxTokens()), Set.of(Modality.AUDIO, Modality.TEXT),
        model.getNDManager().getDevice().toString());
  }

  /** Loads the {@code CrossModalEmotionNet} bundle in {@code dir}. */
  public static DjlEmotionModel load(Path dir, DeviceSpec device) {
    return load(dir, BundleReader.readManifest(dir), device);
  }

  /** Loads the bundle in {@code dir} whose manifest was already read. */
  public static DjlEmotionModel load(Path dir, BundleManifest manifest, DeviceSpec device) {
    if (!manifest.isCrossModalEmotionNet()) {
      throw new ModelException(dir.resolve(BundleReader.MANIFEST) + " has architecture '" + manifest.architecture()
          + "', not " + CrossModalEmotionNet.ARCHITECTURE + ": load it with EmotionModels.load");
    }
    NetConfig config = BundleReader.netConfig(manifest, dir);
    DjlEmotionModel created = create(manifest, config, dir, 0L, device);
    try {
      BundleReader.loadWeights(created.net, created.model.getNDManager(), dir.resolve(manifest.weightsFile()));
      return created;
    } catch (RuntimeException e) {
      created.close();
      throw e;
    }
  }

  /**
   * A randomly initialised model (for tests, benchmarks and as the trainer's start), identical
   * for identical {@code seed}. The manifest needs no weights file; a tokenizer file it names is
   * read from {@code bundleDir}, which may be {@code null} for the subword-hash tokenizer.
   */
  public static DjlEmotionModel createRandom(BundleManifest manifest, Path bundleDir, long seed, DeviceSpec device) {
    Path dir = bundleDir == null ? Path.of(".") : bundleDir;
    return create(manifest, BundleReader.netConfig(manifest, dir), dir, seed, device);
  }

  /** {@link #createRandom(BundleManifest, Path, long, DeviceSpec)} without a bundle directory. */
  public static DjlEmotionModel createRandom(BundleManifest manifest, long seed, DeviceSpec device) {
    return createRandom(manifest, null, seed, device);
  }

  private static DjlEmotionModel create(BundleManifest manifest, NetConfig config, Path dir, long seed,
      DeviceSpec device) {
    DjlRuntime.ensureConfigured();
    TextTokenizer tokenizer = manifest.tokenizer().open(dir, config.vocabSize());
    Model model = Model.newInstance(manifest.name(), device.resolve(), DjlRuntime.ENGINE);
    try {
      CrossModalEmotionNet net = new CrossModalEmotionNet(config);
      model.setBlock(net);
      // The engine's generator is global: hold the lock from seeding to the last random draw.
      synchronized (SEED_LOCK) {
        Engine.getEngine(DjlRuntime.ENGINE).setRandomSeed((int) seed);
        net.initialize(model.getNDManager(), DataType.FLOAT32, net.initializationShapes());
      }
      return new DjlEmotionModel(model, net, tokenizer, manifest, config);
    } catch (RuntimeException e) {
      model.close();
      tokenizer.close();
      throw e;
    }
  }

  /** Writes this model as a bundle (manifest + weights) into {@code dir}. */
  public void save(Path dir) {
    BundleWriter.write(dir, manifest, net);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /** The manifest this model was loaded or created from. */
  public BundleManifest manifest() {
    return manifest;
  }

  /** The network (the trainer drives it directly). */
  public CrossModalEmotionNet network() {
    return net;
  }

  /** The DJL model holding the network and its parameters. */
  public Model djlModel() {
    return model;
  }

  /** Features, tokenization and padding as this model applies them. */
  public BatchEncoder encoder() {
    return encoder;
  }

  /** Number of trainable values in the network. */
  public long parameterCount() {
    long total = 0;
    for (var p : net.getParameters()) {
      total += p.getValue().getArray().getShape().size();
    }
    return total;
  }

  @Override
  public List<EmotionPrediction> predict(List<UtteranceInput> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    return run(encoder.prepare(batch));
  }

  /** Features, tokens and text cues of one utterance (plain Java, thread-safe, no native memory). */
  @Override
  public BatchEncoder.Prepared prepare(UtteranceInput input) {
    try {
      return encoder.prepare(input);
    } catch (RuntimeException e) {
      throw new ModelException("model " + info.name() + " could not prepare utterance " + input.id() + ": "
          + e.getMessage(), e);
    }
  }

  /** The forward pass over prepared utterances, one batch at a time. */
  @Override
  public synchronized List<EmotionPrediction> run(List<BatchEncoder.Prepared> prepared) {
    if (prepared.isEmpty()) {
      return List.of();
    }
    float[] probabilities;
    float[] valenceArousal;
    float[] gate = null;
    try (NDManager manager = model.getNDManager().newSubManager()) {
      NDList inputs = encoder.toArrays(prepared, manager);
      NDList outputs = net.forward(new ParameterStore(manager, false), inputs, false);
      NDArray probs = outputs.get(0).div(temperature).softmax(1);
      probabilities = probs.toFloatArray();
      valenceArousal = outputs.get(1).toFloatArray();
      if (outputs.size() > 4) {
        gate = outputs.get(4).toFloatArray();
      }
    } catch (RuntimeException e) {
      throw new ModelException("model " + info.name() + " failed on a batch of " + prepared.size()
          + " utterances: " + e.getMessage(), e);
    }
    int classes = info.labels().size();
    List<EmotionPrediction> out = new ArrayList<>(prepared.size());
    for (int i = 0; i < prepared.size(); i++) {
      float[] p = new float[classes];
      System.arraycopy(probabilities, i * classes, p, 0, classes);
      Set<Modality> used = prepared.get(i).modalities();
      Set<Modality> drivenBy = gate == null ? used : GateReading.drivenBy(gate, i, used);
      float valence = LabelValence.consistent(info.labels(), p, valenceArousal[2 * i]);
      out.add(new EmotionPrediction(info.labels(), p, valence, valenceArousal[2 * i + 1], used, drivenBy));
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }
}
