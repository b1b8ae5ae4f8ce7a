package io.emostream.timeline;

import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.EmotionPeak;
import io.emostream.common.FeatureApi;
import java.util.List;

/**
 * The parts of a {@link CallEmotionSummary} a supervisor opens an ended call for, kept with its
 * timeline (plain values, so the timeline stays JSON).
 *
 * @param utteranceCount       utterances scored in the call
 * @param alertCount           alerts opened in the call
 * @param customerStartValence mean customer valence at the start, or null
 * @param customerEndValence   mean customer valence at the end, or null
 * @param customerShift        end minus start, or null
 * @param peaks                the most negative moments, most negative first
 */
@FeatureApi
public record TimelineSummary(long utteranceCount, int alertCount, Double customerStartValence,
    Double customerEndValence, Double customerShift, List<Peak> peaks) {

  /** One negative moment. */
  public record Peak(String utteranceId, String role, long startMs, String label, double negativity) {}

  public TimelineSummary {
    peaks = peaks == null ? List.of() : List.copyOf(peaks);
  }

  /** The view of {@code s}. */
  public static TimelineSummary of(CallEmotionSummary s) {
    return new TimelineSummary(s.getUtteranceCount(), s.getAlertCount(), s.getCustomerStartValence(),
        s.getCustomerEndValence(), s.getCustomerShift(), s.getPeaks().stream().map(TimelineSummary::peak).toList());
  }

  private static Peak peak(EmotionPeak p) {
    return new Peak(p.getUtteranceId(), p.getRole().name(), p.getStartMs(), p.getLabel().name(), p.getNegativity());
  }
}
