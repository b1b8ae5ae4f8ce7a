package io.emostream.model.training;

import io.emostream.model.bundle.BundleManifest;
import io.emostream.model.evaluation.EvaluationReport;
import java.nio.file.Path;
import java.util.List;

/**
 * What training produced.
 *
 * @param bundle    the bundle directory written
 * @param manifest  its manifest (metrics and provenance filled in)
 * @param history   one entry per epoch run
 * @param bestEpoch the epoch whose weights were kept (best dev UA)
 * @param test      test-split evaluation of the kept weights (fused, audio-only, text-only)
 * @param seconds   total wall time
 */
public record TrainingResult(Path bundle, BundleManifest manifest, List<EpochStats> history, int bestEpoch,
    EvaluationReport test, double seconds) {

  public TrainingResult {
    history = List.copyOf(history);
  }
}
