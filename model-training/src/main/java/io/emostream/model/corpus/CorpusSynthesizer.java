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
 * from the seed, speaks them with espeak-ng and (for {@link CorpusConfig#otherShare()} of them)
 * festival and flite voices on {@code threads} parallel workers, and writes
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
   * @throws ToolMissingException     when espeak-ng, sox, festival, flite or a voice cannot be run
   * @throws IllegalArgumentException when the output directory is not empty or the config cannot be met
   */
  public CorpusInfo synthesize(CorpusConfig config, ProgressListener progress) {
    requireEmpty(config.out());
    try (Espeak espeak = Espeak.open(config.espeak(), config.sox());
        ExternalTts others = config.otherShare() > 0 ? ExternalTts.open(config.festival(), config.flite(), config.sox())
            : null) {
      List<Speaker> speakers = new ArrayList<>(SpeakerPool.create(espeak.catalog(), config.speakers(), config.seed()));
      if (others != null) {
        speakers.addAll(SpeakerPool.createExternal(config.otherSpeakers(), config.speakers() + 1, config.seed()));
      }
      List<UtterancePlan> plans = new CorpusPlanner(bank).plan(config, speakers);
      long[] durations = render(new Voices(espeak, others), plans, config, progress);
      List<ManifestEntry> entries = new ArrayList<>(plans.size());
      for (UtterancePlan plan : plans) {
        entries.add(ManifestEntry.of(plan, durations[plan.index()]));
      }
      writeManifest(config.out().resolve("manifest.jsonl"), entries);
      CorpusInfo info = CorpusStats.describe(config, entries, speakers, espeak.espeakVersion(), espeak.soxVersion(),
          others == null ? null : others.festivalVersion(), others == null ? null : others.fliteVersion(), tool(),
          LocalDate.now().toString());
      JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValue(config.out().resolve("corpus.json").toFile(), info);
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the corpus to " + config.out() + ": " + e.getMessage(), e);
    }
  }

  /** The synthesisers of one run; {@code others} is null for an espeak-ng-only corpus. */
  private record Voices(Espeak espeak, ExternalTts others) {}

  private static long[] render(Voices voices, List<UtterancePlan> plans, CorpusConfig config,
      ProgressListener progress) {
    long[] durations = new long[plans.size()];
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (UtterancePlan plan : plans) {
        futures.add(pool.submit(() -> {
          durations[plan.index()] = renderOne(voices, plan, config);
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

  private static long renderOne(Voices voices, UtterancePlan plan, CorpusConfig config) throws IOException {
    Speaker s = plan.speaker();
    int rate = config.sampleRate();
    float[] speech = s.external() == null
        ? voices.espeak().speak(plan.id(), plan.spokenText(), s.language(), s.variant(), plan.prosody(), rate)
        : voices.others().speak(plan.id(), s.external(), plan.spokenText(), plan.effects(), rate);
    float[] clip = Clips.pad(Clips.trim(speech, rate, TRIM_MARGIN_MS), rate, plan.leadMs(), plan.tailMs());
    if (config.noiseFloor()) {
      Clips.addNoise(clip, plan.noiseDbfs(), new Random(plan.noiseSeed()));
    }
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
