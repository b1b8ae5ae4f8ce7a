package io.emostream.model.training;

import io.emostream.model.bundle.Provenance;
import io.emostream.model.data.CorpusReader;
import io.emostream.model.net.NetConfig;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** Builds the bundle's provenance: corpus, date, seed and the full training configuration. */
final class TrainingProvenance {

  private TrainingProvenance() {}

  static Provenance of(CorpusReader corpus, TrainingConfig c, NetConfig net, int examples, int epochsRun,
      TrainingMaterial material, String startedFrom) {
    String notes = String.format(Locale.ROOT,
        "emostream train (%s): %d examples read, %d of max %d epochs run; batch %d, Adam lr %.2g, warm-up %.0f%%,"
            + " contrastive weight %.3g (margin %.2f), modality dropout %.2f, reconstruction weight %.3g,"
            + " valence/arousal weight %.2g, flat-voice weight %.2g, aroused-voice conflicts x%d, patience %d;"
            + " net d=%d heads=%d layers=%d+%d vocab=%d text cues %d fusion %s; features %s; %d real text rows"
            + " trained (%s), %d of them also spoken by plain voices, %d held out; %d segments of real calm"
            + " speech (audio only); channel augmentation %s; threads=%s",
        startedFrom, examples, epochsRun, c.epochs(), c.batchSize(), c.learningRate(), 100 * c.warmupFraction(),
        c.contrastiveWeight(), c.contrastiveMargin(), c.modalityDropout(), c.reconstructionWeight(),
        c.valenceArousalWeight(), c.flatVoiceWeight(), c.voiceConflictRepeat(), c.patience(), net.dModel(),
        net.heads(), net.audioLayers(), net.textLayers(), net.vocabSize(), net.textCues(), net.fusion(),
        material.features().normalization(),
        material.trainText().size(), sources(material), material.spokenText().size(), material.devText().size(),
        material.calmSpeech().size(), material.augmentation() == null ? "off" : "on",
        System.getProperty("ai.djl.pytorch.num_threads", "default"));
    return new Provenance(corpus.description(), LocalDate.now(ZoneOffset.UTC).toString(), c.seed(), notes);
  }

  private static String sources(TrainingMaterial material) {
    return material.trainText().stream().map(t -> t.source()).distinct().sorted()
        .reduce((a, b) -> a + ", " + b).orElse("none");
  }
}
