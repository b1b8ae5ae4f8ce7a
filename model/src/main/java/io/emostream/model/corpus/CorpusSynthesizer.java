package io.emostream.model.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emostream.model.wav.WavWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Makes the synthetic acted-emotion corpus ({@code emostream corpus synth}): plans every utterance
 * from the seed, speaks them with espeak-ng on {@code threads} parallel processes, and writes
 * {@code wav/}, {@code manifest.jsonl} and {@code corpus.json} (see {@link ManifestEntry} and
 * {@link CorpusInfo}). Equal configs produce byte-identical manifests and WAVs.
 */
public final class CorpusSynthesizer {

  /** Name written into {@code corpus.json}. */
  public static final String CORPUS_NAME = "emostream-synth";
  /** Format version of the manifest. */
  public static final String FORMAT_VERSION = "v1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRIM_MARGIN_MS = 30;

  private final SentenceBank bank;

  public CorpusSynthesizer(SentenceBank bank) {
    this.bank = bank;
  }

  /**
   * Writes the corpus of {@code config} and returns its provenance.
   *
   * @throws ToolMissingException     when espeak-ng or sox cannot be run
   * @throws IllegalArgumentException when the output directory is not empty or the config cannot be met
   */
  public CorpusInfo synthesize(CorpusConfig config, ProgressListener progress) {
    requireEmpty(config.out());
    try (Espeak espeak = Espeak.open(config.espeak(), config.sox())) {
      List<Speaker> speakers = SpeakerPool.create(espeak.catalog(), config.speakers(), config.seed());
      List<UtterancePlan> plans = new CorpusPlanner(bank).plan(config, speakers);
      long[] durations = render(espeak, plans, config, progress);
      List<ManifestEntry> entries = new ArrayList<>(plans.size());
      for (UtterancePlan plan : plans) {
        entries.add(ManifestEntry.of(plan, durations[plan.index()]));
      }
      writeManifest(config.out().resolve("manifest.jsonl"), entries);
      CorpusInfo info = CorpusStats.describe(config, entries, speakers, espeak.espeakVersion(), espeak.soxVersion(),
          tool(), LocalDate.now().toString());
      JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValue(config.out().resolve("corpus.json").toFile(), info);
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the corpus to " + config.out() + ": " + e.getMessage(), e);
    }
  }

  private static long[] render(Espeak espeak, List<UtterancePlan> plans, CorpusConfig config,
      ProgressListener progress) {
    long[] durations = new long[plans.size()];
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (UtterancePlan plan : plans) {
        futures.add(pool.submit(() -> {
          durations[plan.index()] = renderOne(espeak, plan, config);
          int n = done.incrementAndGet();
          synchronized (progress) {
            progress.onProgress(n, plans.size());
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return durations;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("Synthesis failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while synthesising the corpus", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long renderOne(Espeak espeak, UtterancePlan plan, CorpusConfig config) throws IOException {
    Speaker s = plan.speaker();
    int rate = config.sampleRate();
    float[] speech = espeak.speak(plan.id(), plan.spokenText(), s.language(), s.variant(), plan.prosody(), rate);
    float[] clip = Clips.pad(Clips.trim(speech, rate, TRIM_MARGIN_MS), rate, plan.leadMs(), plan.tailMs());
    Clips.addNoise(clip, plan.prosody().noiseDbfs(), new Random(plan.noiseSeed()));
    WavWriter.writePcm16(config.out().resolve(plan.wavPath()), clip, rate);
    return Math.round(clip.length * 1000.0 / rate);
  }

  private static void writeManifest(Path file, List<ManifestEntry> entries) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ManifestEntry entry : entries) {
        out.write(JSON.writeValueAsString(entry));
        out.write('\n');
      }
    }
  }

  private static void requireEmpty(Path out) {
    if (Files.isDirectory(out)) {
      try (Stream<Path> children = Files.list(out)) {
        if (children.findAny().isPresent()) {
          throw new IllegalArgumentException("Output directory " + out + " is not empty: choose a new --out or delete it");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + out, e);
      }
    } else if (Files.exists(out)) {
      throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the corpus directory " + out + ": " + e.getMessage(), e);
    }
  }

  private static String tool() {
    String version = CorpusSynthesizer.class.getPackage().getImplementationVersion();
    return "emostream corpus synth " + (version == null ? "dev" : version);
  }
}
